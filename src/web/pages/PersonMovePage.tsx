import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync, useDebounced } from '../lib/useAsync';
import { getPerson, movePerson } from '../api/people';
import { listHouseholds } from '../api/households';
import { ApiError } from '../api/client';
import type { HouseholdSummary, PersonDetail, Relationship } from '../api/types';
import { Alert, Breadcrumbs, ErrorState, Loading, PageHeader, useErrorText } from '../components/ui';
import { Field, RadioGroupField, SelectField, TextField } from '../components/Field';
import { AreaPicker } from '../components/AreaPicker';
import { Icon } from '../components/Icon';
import { useToast } from '../components/Toast';
import { scopeRoot } from '../lib/scope';
import { displayName, groupDigits, rtRwLabel } from '../lib/format';
import { RELATIONSHIPS, RELATIONSHIP_LABEL } from '../../core/people/household';
import { todayIn } from '../../core/time/dates';
import { message } from '../../core/i18n/messages';

export function PersonMovePage() {
  const { id = '' } = useParams();
  const res = useAsync(() => getPerson(id), [id]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <MoveForm detail={res.data} />;
}

function MoveForm({ detail }: { detail: PersonDetail }) {
  const me = useMe();
  const { t, label, locale, number } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const p = detail.person;
  const today = todayIn();
  const [mode, setMode] = useState<'household' | 'area'>('household');
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const [target, setTarget] = useState<HouseholdSummary | null>(null);
  const [areaCode, setAreaCode] = useState('');
  const [relationship, setRelationship] = useState<Relationship | ''>(p.relationship ?? '');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const results = useAsync(() => (dq.length >= 2 ? listHouseholds({ q: dq, pageSize: 8 }) : Promise.resolve(null)), [dq]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (mode === 'household' && !target) errs.householdId = t('person.moveChooseHousehold');
    if (mode === 'area' && !areaCode) errs.areaCode = message({ code: 'required' }, locale);
    if (!date) errs.date = message({ code: 'required' }, locale);
    else if (date > today) errs.date = message({ code: 'date_in_future' }, locale);
    else if (date < p.birthDate) errs.date = message({ code: 'date_before_birth' }, locale);
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await movePerson(p.id, {
        ...(mode === 'household' && target ? { householdId: target.id, relationship: relationship || null } : { householdId: null, areaCode }),
        date,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      toast(t('person.moved'));
      navigate(`/people/${p.id}`);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(err.fields);
        setFormError(err.message);
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: p.name, to: `/people/${p.id}` }, { label: t('person.move') }]} />}
        title={t('person.moveTitle', { name: p.name })}
        sub={t('person.moveSub')}
      />
      <form className="card form" onSubmit={submit} noValidate data-testid="move-form">
        {formError && <Alert tone="error">{formError}</Alert>}
        <RadioGroupField
          label={t('person.moveTo')}
          name="mode"
          required
          value={mode}
          onValue={(v) => setMode(v as 'household' | 'area')}
          options={[
            { value: 'household', label: t('person.moveToHousehold') },
            { value: 'area', label: t('person.moveToArea') },
          ]}
        />
        {mode === 'household' ? (
          <>
            <Field label={t('person.moveFindHousehold')} name="householdId" required error={errors.householdId} hint={t('household.searchPlaceholder')}>
              {({ id, describedBy, invalid }) => (
                <div className="search-input" style={{ position: 'relative' }}>
                  <input
                    id={id}
                    type="search"
                    className="input"
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                    value={q}
                    onChange={(e) => setQ(e.target.value)}
                  />
                </div>
              )}
            </Field>
            {target && (
              <Alert tone="info" title={t('person.moveChosen')}>
                {target.headName ?? t('household.title')} · KK {groupDigits(target.kkNumber)} · {rtRwLabel(target.rt, target.rw, target.dusun)} {displayName(target.villageName ?? '')}
              </Alert>
            )}
            {results.data && (
              <ul className="list" aria-label={t('common.results')}>
                {results.data.items.length === 0 && <li className="muted small">{t('household.noMatch', { q: dq })}</li>}
                {results.data.items.map((h) => (
                  <li className="list-item" key={h.id}>
                    <div className="list-item-main">
                      <strong>{h.headName ?? t('household.title')}</strong>
                      <span className="list-item-meta">
                        KK {groupDigits(h.kkNumber)} · {rtRwLabel(h.rt, h.rw, h.dusun)} {displayName(h.villageName ?? '')} · {number(h.memberCount)} {t('household.membersShort')}
                      </span>
                    </div>
                    <button
                      type="button"
                      className={`btn btn-sm ${target?.id === h.id ? '' : 'btn-secondary'}`}
                      disabled={h.id === p.householdId}
                      onClick={() => setTarget(h)}
                      aria-pressed={target?.id === h.id}
                    >
                      {h.id === p.householdId ? t('person.moveCurrent') : target?.id === h.id ? <Icon name="check" /> : t('common.choose')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <SelectField
              label={t('person.relationship')}
              name="relationship"
              value={relationship}
              onValue={(v) => setRelationship(v as Relationship)}
              placeholder={t('common.choose')}
              options={RELATIONSHIPS.map((r) => ({ value: r, label: label(RELATIONSHIP_LABEL[r]) }))}
              error={errors.relationship}
            />
          </>
        ) : (
          <AreaPicker
            label={t('person.domicile')}
            name="areaCode"
            required
            value={areaCode}
            onChange={(c) => setAreaCode(c)}
            rootCode={scopeRoot(me)}
            allowRoot
            selectableLevels={['village', 'dusun', 'rw', 'rt']}
            error={errors.areaCode}
          />
        )}
        <div className="form-grid">
          <TextField label={t('person.moveDate')} name="date" type="date" required max={today} value={date} onValue={setDate} error={errors.date} />
          <TextField label={t('person.moveReason')} name="reason" value={reason} onValue={setReason} error={errors.reason} maxLength={200} />
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? t('common.saving') : t('person.moveSubmit')}
          </button>
        </div>
      </form>
    </div>
  );
}
