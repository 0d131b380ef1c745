import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Icon } from '../components/Icon';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { createHousehold, getHousehold, updateHousehold } from '../api/households';
import { ApiError } from '../api/client';
import type { HouseholdDetail } from '../api/types';
import { Alert, Breadcrumbs, ErrorState, Loading, PageHeader, useErrorText } from '../components/ui';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { AreaPicker } from '../components/AreaPicker';
import { ConfirmWarnings } from '../components/ConfirmWarnings';
import { useToast } from '../components/Toast';
import { cleanIdNumber } from '../../core/people/nik';
import { isWithin } from '../../core/areas/codes';
import { validateKk } from '../lib/validation';
import { scopeRoot } from '../lib/scope';
import { message } from '../../core/i18n/messages';
import { RELATIONSHIP_LABEL } from '../../core/people/household';

const HOUSEHOLD_LEVELS = ['village', 'dusun', 'rw', 'rt'] as const;

export function HouseholdFormPage() {
  const { id } = useParams();
  const res = useAsync(() => (id ? getHousehold(id) : Promise.resolve(null)), [id]);
  if (id && res.loading && !res.data) return <Loading />;
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <HouseholdForm existing={res.data ?? null} key={id ?? 'new'} />;
}

function HouseholdForm({ existing }: { existing: HouseholdDetail | null }) {
  const me = useMe();
  const { t, locale, label } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const h = existing?.household;
  const root = scopeRoot(me);
  const areaParam = params.get('area');
  const [kk, setKk] = useState(h?.kkNumber ?? '');
  const [areaCode, setAreaCode] = useState(h?.areaCode ?? (areaParam && isWithin(areaParam, root) ? areaParam : root));
  const [address, setAddress] = useState(h?.address ?? '');
  const [headId, setHeadId] = useState(h?.headPersonId ?? '');
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [serverWarnings, setServerWarnings] = useState<{ code: string; message: string }[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const findings = useMemo(() => validateKk(kk, locale), [kk, locale]);
  const kkError = (touched || kk.length >= 16 ? findings.errors.kkNumber?.message : undefined) ?? serverErrors.kkNumber;
  const warningMsgs = [...(findings.warnings.kkNumber ?? []).map((w) => w.message), ...serverWarnings.map((w) => w.message)];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    setFormError(null);
    const errs: Record<string, string> = {};
    if (!areaCode) errs.areaCode = message({ code: 'required' }, locale);
    if (findings.errors.kkNumber || Object.keys(errs).length) {
      setServerErrors(errs);
      return;
    }
    if (warningMsgs.length && !confirmed) {
      setFormError(t('form.confirmFirst'));
      return;
    }
    setBusy(true);
    const confirm = [...(findings.warnings.kkNumber ?? []).map((w) => w.code), ...serverWarnings.map((w) => w.code)];
    const body = { kkNumber: cleanIdNumber(kk) || null, areaCode, address: address.trim() || null, ...(confirm.length ? { confirm } : {}) };
    try {
      const saved = h
        ? await updateHousehold(h.id, { ...body, headPersonId: headId || null, version: h.version })
        : await createHousehold(body);
      toast(t('common.saved'));
      navigate(`/households/${saved.household.id}`, { replace: !h });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'needs_confirmation') {
        setServerWarnings(err.warnings.map((w) => ({ code: w.code, message: w.message })));
        setConfirmed(false);
        setFormError(err.message);
      } else if (err instanceof ApiError && Object.keys(err.fields).length) {
        setServerErrors(err.fields);
        setFormError(err.message);
        setDuplicateId(err.code === 'kk_duplicate' && err.existing ? err.existing.id : null);
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const title = h ? t('household.editTitle') : t('household.newTitle');
  return (
    <div className="page page-narrow">
      <PageHeader
        crumbs={
          <Breadcrumbs
            items={[
              { label: t('nav.households'), to: '/households' },
              ...(h ? [{ label: h.headName ?? t('household.title'), to: `/households/${h.id}` }] : []),
              { label: title },
            ]}
          />
        }
        title={title}
        sub={h ? undefined : t('household.newSub')}
      />
      <form className="card form" onSubmit={submit} noValidate data-testid="household-form">
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-grid">
          <TextField
            label={t('household.kk')}
            name="kkNumber"
            mono
            inputMode="numeric"
            autoComplete="off"
            value={kk}
            onValue={(v) => {
              setKk(v);
              setServerErrors((s) => ({ ...s, kkNumber: '' }));
              setServerWarnings([]);
              setConfirmed(false);
              setDuplicateId(null);
            }}
            onBlur={() => setTouched(true)}
            error={kkError || null}
            hint={t('household.kkHint')}
            maxLength={24}
          />
          {duplicateId && (
            <Link to={`/households/${duplicateId}`} className="btn btn-secondary btn-sm" data-testid="duplicate-link" style={{ alignSelf: 'end' }}>
              <Icon name="households" />
              {t('household.openExisting')}
            </Link>
          )}
          <div className="span-2">
            <AreaPicker
              label={t('household.area')}
              name="areaCode"
              required
              value={areaCode}
              onChange={(c) => {
                setAreaCode(c);
                setServerErrors((s) => ({ ...s, areaCode: '' }));
              }}
              rootCode={root}
              allowRoot
              selectableLevels={HOUSEHOLD_LEVELS}
              error={serverErrors.areaCode || null}
              hint={t('household.areaHint')}
            />
          </div>
          <TextAreaField
            label={t('household.address')}
            name="address"
            className="span-2"
            value={address}
            onValue={setAddress}
            error={serverErrors.address || null}
            placeholder={t('household.addressPlaceholder')}
            maxLength={300}
            rows={2}
          />
          {h && existing && existing.members.length > 0 && (
            <SelectField
              label={t('household.head')}
              name="headPersonId"
              value={headId}
              onValue={setHeadId}
              placeholder={t('common.none')}
              options={existing.members
                .filter((m) => m.status === 'alive')
                .map((m) => ({ value: m.id, label: `${m.name}${m.relationship ? ` (${label(RELATIONSHIP_LABEL[m.relationship])})` : ''}` }))}
              error={serverErrors.headPersonId || null}
            />
          )}
        </div>
        <ConfirmWarnings messages={warningMsgs} checked={confirmed} onChecked={setConfirmed} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn" disabled={busy} data-testid="save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
