import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { getHousehold } from '../api/households';
import { createPerson, getPerson, updatePerson } from '../api/people';
import { ApiError } from '../api/client';
import type { HouseholdDetail, PersonDetail, PersonInput, PersonSummary, Relationship, Sex } from '../api/types';
import { Alert, Breadcrumbs, ErrorState, Loading, PageHeader, useErrorText } from '../components/ui';
import { Field, RadioGroupField, SelectField, TextField } from '../components/Field';
import { AreaPicker } from '../components/AreaPicker';
import { ConfirmWarnings } from '../components/ConfirmWarnings';
import { Icon } from '../components/Icon';
import { useToast } from '../components/Toast';
import { validatePerson, cleanPhone, hasErrors, type PersonDraft } from '../lib/validation';
import { scopeRoot } from '../lib/scope';
import { cleanIdNumber, parseNik } from '../../core/people/nik';
import { RELATIONSHIPS, RELATIONSHIP_LABEL } from '../../core/people/household';
import { addYears, isIsoDate, todayIn } from '../../core/time/dates';
import { isWithin } from '../../core/areas/codes';

const PERSON_AREA_LEVELS = ['village', 'dusun', 'rw', 'rt'] as const;
const FIELDS = ['nik', 'name', 'sex', 'birthDate', 'birthPlace', 'relationship', 'motherId', 'phone', 'jknNumber', 'areaCode'] as const;
type FieldName = (typeof FIELDS)[number];

export function PersonFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const householdParam = params.get('household');
  const person = useAsync(() => (id ? getPerson(id) : Promise.resolve(null)), [id]);
  const householdId = id ? person.data?.person.householdId : householdParam;
  const household = useAsync(() => (householdId ? getHousehold(householdId) : Promise.resolve(null)), [householdId]);
  if ((id && person.loading && !person.data) || (householdId && household.loading && !household.data)) return <Loading />;
  if (person.error) return <ErrorState error={person.error} onRetry={person.reload} />;
  if (household.error) return <ErrorState error={household.error} onRetry={household.reload} />;
  return <PersonForm existing={person.data ?? null} household={household.data ?? null} key={id ?? `new-${householdParam ?? ''}`} />;
}

/** The birth date and sex a NIK encodes (the century is the latest one not in the future). */
function fromNik(nik: string, today: string): { birthDate: string; sex: Sex } | null {
  const p = parseNik(nik);
  if (!p) return null;
  const cy = Number(today.slice(0, 4));
  let year = Math.floor(cy / 100) * 100 + p.yy;
  const mmdd = `${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  if (`${year}-${mmdd}` > today) year -= 100;
  const birthDate = `${year}-${mmdd}`;
  return isIsoDate(birthDate) ? { birthDate, sex: p.sex } : null;
}

function PersonForm({ existing, household }: { existing: PersonDetail | null; household: HouseholdDetail | null }) {
  const me = useMe();
  const { t, label, locale, date } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const today = todayIn();
  const p = existing?.person;
  const root = scopeRoot(me);
  const areaParam = params.get('area');

  const [draft, setDraft] = useState<PersonDraft>({
    nik: p?.nik ?? '',
    name: p?.name ?? '',
    sex: p?.sex ?? '',
    birthDate: p?.birthDate ?? '',
    birthPlace: p?.birthPlace ?? '',
    phone: p?.phone ?? '',
    jknNumber: p?.jknNumber ?? '',
  });
  const [estimated, setEstimated] = useState(p?.birthDateEstimated ?? false);
  const firstMember = household && household.members.filter((m) => m.status === 'alive').length === 0;
  const [relationship, setRelationship] = useState<Relationship | ''>(p?.relationship ?? (household ? (firstMember ? 'kepala' : '') : ''));
  const [motherId, setMotherId] = useState(p?.motherId ?? '');
  const [areaCode, setAreaCode] = useState(areaParam && isWithin(areaParam, root) ? areaParam : '');
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<string, string>>>({});
  const [serverWarnings, setServerWarnings] = useState<{ code: string; field?: string | null; message: string }[]>([]);
  const [duplicate, setDuplicate] = useState<{ id: string; name: string } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const findings = useMemo(() => validatePerson(draft, locale, today), [draft, locale, today]);
  const nikClean = cleanIdNumber(draft.nik);
  const nikGuess = nikClean.length === 16 ? fromNik(nikClean, today) : null;

  const set = <K extends keyof PersonDraft>(k: K, v: PersonDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setServerErrors((s) => ({ ...s, [k]: undefined }));
    if (k === 'nik' || k === 'birthDate' || k === 'sex' || k === 'name') {
      setServerWarnings([]);
      setConfirmed(false);
      if (k === 'nik') setDuplicate(null);
    }
  };
  const touch = (k: FieldName) => setTouched((s) => ({ ...s, [k]: true }));
  const show = (k: FieldName) => submitted || touched[k] || (k === 'nik' && nikClean.length >= 16);
  const errorOf = (k: FieldName): string | null => serverErrors[k] || (show(k) ? (findings.errors[k]?.message ?? null) : null);

  // Warnings about an unchanged identity were confirmed when it was saved; the server checks again only on change.
  const identityChanged = !p || nikClean !== (p.nik ?? '') || draft.birthDate !== p.birthDate || draft.sex !== p.sex;
  const clientWarnings = identityChanged ? Object.values(findings.warnings).flat() : [];
  const nikWarnings = [...(identityChanged ? (findings.warnings.nik ?? []) : []).map((w) => w.message), ...serverWarnings.filter((w) => w.field === 'nik').map((w) => w.message)];
  const nameWarnings = serverWarnings.filter((w) => w.field === 'name').map((w) => w.message);
  const allWarnings = [...clientWarnings.map((w) => w.message), ...serverWarnings.filter((w) => !clientWarnings.some((c) => c.code === w.code)).map((w) => w.message)];
  const confirmCodes = [...new Set([...clientWarnings.map((w) => w.code), ...serverWarnings.map((w) => w.code)])];

  const motherOptions: PersonSummary[] = (household?.members ?? []).filter(
    (m) => m.sex === 'F' && m.id !== p?.id && (!draft.birthDate || !isIsoDate(draft.birthDate) || addYears(m.birthDate, 10) <= draft.birthDate),
  );
  const currentMother = existing?.mother && !motherOptions.some((m) => m.id === existing.mother!.id) ? existing.mother : null;

  function focusFirstError() {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .segmented[aria-invalid="true"] input');
      el?.focus();
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const localErrors: Record<string, string> = {};
    if (!household && !p && !areaCode) localErrors.areaCode = t('validation.required');
    if (hasErrors(findings) || Object.keys(localErrors).length) {
      setServerErrors((s) => ({ ...s, ...localErrors }));
      setFormError(t('form.fixErrors'));
      focusFirstError();
      return;
    }
    if (allWarnings.length && !confirmed) {
      setFormError(t('form.confirmFirst'));
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[name="confirmWarnings"]')?.focus());
      return;
    }
    const body: PersonInput = {
      nik: nikClean || null,
      name: draft.name.trim(),
      sex: draft.sex as Sex,
      birthDate: draft.birthDate,
      birthDateEstimated: estimated,
      birthPlace: draft.birthPlace.trim() || null,
      motherId: motherId || null,
      phone: draft.phone.trim() ? cleanPhone(draft.phone) : null,
      jknNumber: cleanIdNumber(draft.jknNumber) || null,
      ...(household ? { relationship: relationship || null } : {}),
      ...(confirmed && confirmCodes.length ? { confirm: confirmCodes } : {}),
    };
    setBusy(true);
    try {
      let saved: PersonDetail;
      if (p) {
        saved = await updatePerson(p.id, { ...body, version: p.version });
      } else {
        saved = await createPerson({ ...body, ...(household ? { householdId: household.household.id } : { areaCode }) });
      }
      toast(t('common.saved'));
      navigate(`/people/${saved.person.id}`, { replace: !p });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'needs_confirmation') {
        setServerWarnings(err.warnings);
        setConfirmed(false);
        setFormError(err.message);
      } else if (err instanceof ApiError && (err.code === 'nik_duplicate' || err.code === 'duplicate_nik' || err.code === 'nik_duplicate_elsewhere')) {
        setDuplicate(err.existing ? { id: err.existing.id, name: err.existing.name ?? draft.name } : null);
        setServerErrors({ nik: err.fields.nik ?? err.message });
        setFormError(err.message);
        focusFirstError();
      } else if (err instanceof ApiError && Object.keys(err.fields).length) {
        setServerErrors(err.fields);
        setFormError(err.message);
        focusFirstError();
      } else {
        setFormError(errorText(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const title = p ? t('person.editTitle', { name: p.name }) : t('person.newTitle');
  const hhTitle = household ? (household.household.headName ? t('household.titleOf', { name: household.household.headName }) : t('household.title')) : null;

  return (
    <div className="page page-narrow">
      <PageHeader
        crumbs={
          <Breadcrumbs
            items={[
              ...(household && hhTitle ? [{ label: hhTitle, to: `/households/${household.household.id}` }] : []),
              ...(p ? [{ label: p.name, to: `/people/${p.id}` }] : []),
              { label: p ? t('common.edit') : t('person.newTitle') },
            ]}
          />
        }
        title={title}
        sub={!p && hhTitle ? t('person.newInHousehold', { household: hhTitle }) : undefined}
      />
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="person-form">
        {formError && (
          <Alert tone="error">
            <span data-testid="form-error">{formError}</span>
          </Alert>
        )}

        <section className="card form">
          <h2>{t('person.identity')}</h2>
          <div className="form-grid">
            <Field
              label={t('person.nik')}
              name="nik"
              error={errorOf('nik')}
              warnings={nikClean.length === 16 && !findings.errors.nik ? nikWarnings : []}
              hint={t('person.nikHint')}
              className="span-2"
            >
              {({ id, describedBy, invalid }) => (
                <>
                  <input
                    id={id}
                    name="nik"
                    className={`input input-mono${nikWarnings.length && !invalid ? ' has-warning' : ''}`}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={24}
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                    value={draft.nik}
                    onChange={(e) => set('nik', e.target.value)}
                    onBlur={() => touch('nik')}
                  />
                  {duplicate && (
                    <Link to={`/people/${duplicate.id}`} className="btn btn-secondary btn-sm" data-testid="duplicate-link" style={{ alignSelf: 'flex-start' }}>
                      <Icon name="user" />
                      {t('person.openExisting', { name: duplicate.name })}
                    </Link>
                  )}
                  {nikGuess && !findings.errors.nik && (!draft.birthDate || !draft.sex) && (
                    <button
                      type="button"
                      className="linkbtn small"
                      style={{ alignSelf: 'flex-start', textAlign: 'left' }}
                      onClick={() => {
                        setDraft((d) => ({ ...d, birthDate: d.birthDate || nikGuess.birthDate, sex: d.sex || nikGuess.sex }));
                      }}
                    >
                      {t('person.fillFromNik', { date: date(nikGuess.birthDate), sex: nikGuess.sex === 'F' ? t('person.female') : t('person.male') })}
                    </button>
                  )}
                </>
              )}
            </Field>
            <TextField
              label={t('person.name')}
              name="name"
              required
              className="span-2"
              autoComplete="off"
              autoCapitalize="words"
              value={draft.name}
              onValue={(v) => set('name', v)}
              onBlur={() => touch('name')}
              error={errorOf('name')}
              warnings={nameWarnings}
              maxLength={120}
            />
            <RadioGroupField
              label={t('person.sex')}
              name="sex"
              required
              value={draft.sex}
              onValue={(v) => {
                set('sex', v as Sex);
                touch('sex');
              }}
              options={[
                { value: 'F', label: t('person.female') },
                { value: 'M', label: t('person.male') },
              ]}
              error={errorOf('sex')}
            />
            <div className="field" style={{ gap: 4 }}>
              <TextField
                label={t('person.birthDate')}
                name="birthDate"
                type="date"
                required
                max={today}
                min="1900-01-01"
                value={draft.birthDate}
                onValue={(v) => set('birthDate', v)}
                onBlur={() => touch('birthDate')}
                error={errorOf('birthDate')}
              />
              <label className="check" style={{ minHeight: 36, paddingBottom: 0 }}>
                <input type="checkbox" name="birthDateEstimated" checked={estimated} onChange={(e) => setEstimated(e.target.checked)} />
                <span>{t('person.birthDateEstimatedLabel')}</span>
              </label>
            </div>
            <TextField
              label={t('person.birthPlace')}
              name="birthPlace"
              value={draft.birthPlace}
              onValue={(v) => set('birthPlace', v)}
              onBlur={() => touch('birthPlace')}
              error={errorOf('birthPlace')}
              maxLength={80}
            />
          </div>
        </section>

        <section className="card form">
          <h2>{t('person.family')}</h2>
          <div className="form-grid">
            {household ? (
              <>
                <SelectField
                  label={t('person.relationship')}
                  name="relationship"
                  value={relationship}
                  onValue={(v) => setRelationship(v as Relationship)}
                  placeholder={t('common.choose')}
                  options={RELATIONSHIPS.map((r) => ({ value: r, label: label(RELATIONSHIP_LABEL[r]) }))}
                  error={serverErrors.relationship ?? null}
                />
                <SelectField
                  label={t('person.mother')}
                  name="motherId"
                  value={motherId}
                  onValue={setMotherId}
                  placeholder={t('person.motherNone')}
                  options={[
                    ...(currentMother ? [{ value: currentMother.id, label: currentMother.name }] : []),
                    ...motherOptions.map((m) => ({ value: m.id, label: m.name })),
                  ]}
                  error={serverErrors.motherId ?? null}
                  hint={t('person.motherHint')}
                />
              </>
            ) : p ? (
              <p className="small muted span-2">{t('person.noHouseholdHint')}</p>
            ) : (
              <div className="span-2">
                <AreaPicker
                  label={t('person.domicile')}
                  name="areaCode"
                  required
                  value={areaCode}
                  onChange={(c) => {
                    setAreaCode(c);
                    setServerErrors((s) => ({ ...s, areaCode: undefined }));
                  }}
                  rootCode={root}
                  allowRoot
                  selectableLevels={PERSON_AREA_LEVELS}
                  error={serverErrors.areaCode ?? null}
                  hint={t('person.domicileHint')}
                />
              </div>
            )}
          </div>
        </section>

        <section className="card form">
          <h2>{t('person.contact')}</h2>
          <div className="form-grid">
            <TextField
              label={t('person.phone')}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="08…"
              value={draft.phone}
              onValue={(v) => set('phone', v)}
              onBlur={() => touch('phone')}
              error={errorOf('phone')}
            />
            <TextField
              label={t('person.jkn')}
              name="jknNumber"
              mono
              inputMode="numeric"
              autoComplete="off"
              value={draft.jknNumber}
              onValue={(v) => set('jknNumber', v)}
              onBlur={() => touch('jknNumber')}
              error={errorOf('jknNumber')}
              hint={t('person.jknHint')}
            />
          </div>
        </section>

        <ConfirmWarnings messages={allWarnings} checked={confirmed} onChecked={setConfirmed} />

        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn" disabled={busy} data-testid="save">
            {busy ? t('common.saving') : p ? t('common.saveChanges') : t('person.register')}
          </button>
        </div>
      </form>
    </div>
  );
}
