import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n, type MessageKey } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { ApiError } from '../../api/client';
import { getPerson } from '../../api/people';
import { listFacilities } from '../../api/facilities';
import { createReferral, referralSettings, referralTargets, URGENCIES, type ReferralTarget, type Urgency } from '../../api/referrals';
import type { PersonDetail } from '../../api/types';
import { Alert, Breadcrumbs, Card, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ageLabel } from '../../lib/format';
import { newId } from '../../records/ids';
import { districtOf, kabCodeOf } from '../../../core/areas/codes';
import { FACILITY_LABEL } from '../../../core/facilities/types';
import { findingsFromRows } from './referral-view';

/** /referrals/new?personId=…[&visitId=…]: refer a person from my facility to one of the allowed levels. */
export function ReferralNewPage() {
  const [params] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const { t } = useI18n();
  const res = useAsync(() => getPerson(personId), [personId]);
  if (!personId) {
    return (
      <div className="page">
        <PageHeader title={t('ref.newTitle')} />
        <Alert tone="info">{t('ref.pickPersonFirst')}</Alert>
        <Link className="btn" to="/search">
          <Icon name="search" />
          {t('nav.search')}
        </Link>
      </div>
    );
  }
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <ReferralForm detail={res.data} visitId={params.get('visitId')} />;
}

const URGENCY_HINT: Record<Urgency, MessageKey> = {
  emergency: 'ref.urgencyHint.emergency',
  urgent: 'ref.urgencyHint.urgent',
  routine: 'ref.urgencyHint.routine',
};

function ReferralForm({ detail, visitId }: { detail: PersonDetail; visitId: string | null }) {
  const me = useMe();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const p = detail.person;
  // One id for this referral, kept across retries: a resend after a lost answer is stored once.
  const [id] = useState(newId);
  const [fromId, setFromId] = useState(me.facility?.id ?? '');
  const [toId, setToId] = useState('');
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState([{ key: '', value: '' }, { key: '', value: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Users bound to an area (Dinkes, admin) pick the sending facility among those of the person's kecamatan.
  const fromOptions = useAsync(
    () => (me.facility ? Promise.resolve({ items: [] }) : listFacilities({ area: districtOf(p.areaCode) ?? p.areaCode })),
    [me.facility?.id, p.areaCode],
  );
  const targets = useAsync(() => (fromId ? referralTargets(fromId) : Promise.resolve([] as ReferralTarget[])), [fromId]);
  const settings = useAsync(() => referralSettings(kabCodeOf(p.areaCode) ?? undefined), [p.areaCode]);

  const targetGroups = useMemo(() => {
    const list = targets.data ?? [];
    const groups: { label: string; items: ReferralTarget[] }[] = [];
    const parents = list.filter((f) => f.networkParent);
    if (parents.length) groups.push({ label: t('ref.myNetwork'), items: parents });
    for (const f of list.filter((x) => !x.networkParent)) {
      const name = label(FACILITY_LABEL[f.type]);
      let g = groups.find((x) => x.label === name);
      if (!g) groups.push((g = { label: name, items: [] }));
      g.items.push(f);
    }
    return groups;
  }, [targets.data, label, t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!fromId) errs.fromFacilityId = t('validation.required');
    if (!toId) errs.toFacilityId = t('ref.chooseTarget');
    if (!urgency) errs.urgency = t('ref.chooseUrgency');
    if (!reason.trim()) errs.reason = t('ref.reasonRequired');
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) {
      setFormError(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const res = await createReferral({
        id, personId: p.id, fromFacilityId: fromId, toFacilityId: toId, urgency: urgency as Urgency, reason: reason.trim(),
        findings: findingsFromRows(rows), visitId: visitId || null,
      });
      toast(t('ref.sentToast', { facility: res.referral.to.name }));
      navigate(`/referrals/${res.referral.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(err.fields);
        setFormError(err.message);
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const dueDays = settings.data?.dueDays;
  return (
    <div className="page page-narrow">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: p.name, to: `/people/${p.id}` }, { label: t('ref.newTitle') }]} />}
        eyebrow={t('ref.newTitle')}
        title={p.name}
        sub={`${p.sex === 'F' ? t('person.female') : t('person.male')} · ${ageLabel(t, p.birthDate)}`}
      />
      <form className="form" onSubmit={submit} noValidate data-testid="referral-form">
        {formError && <Alert tone="error">{formError}</Alert>}
        <Card title={t('ref.whereTo')}>
          <div className="form">
            {me.facility ? (
              <Field label={t('ref.from')} name="fromFacilityId" error={errors.fromFacilityId} filter>
                {({ id: fid }) => (
                  <div className="readonly-value" id={fid}>
                    {me.facility!.name} <span className="muted small">· {label(FACILITY_LABEL[me.facility!.type])}</span>
                  </div>
                )}
              </Field>
            ) : (
              <SelectField
                label={t('ref.from')}
                name="fromFacilityId"
                required
                value={fromId}
                onValue={(v) => {
                  setFromId(v);
                  setToId('');
                }}
                placeholder={t('common.choose')}
                options={(fromOptions.data?.items ?? [])
                  .filter((f) => f.type !== 'dinkes')
                  .map((f) => ({ value: f.id, label: `${f.name} · ${label(FACILITY_LABEL[f.type])}` }))}
                error={errors.fromFacilityId}
              />
            )}
            <Field label={t('ref.to')} name="toFacilityId" required error={errors.toFacilityId} hint={t('ref.toHint')}>
              {({ id: fid, describedBy, invalid }) => (
                <select
                  id={fid}
                  name="toFacilityId"
                  className="select"
                  value={toId}
                  onChange={(e) => setToId(e.target.value)}
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                  disabled={!fromId || targets.loading}
                >
                  <option value="">{targets.loading ? t('common.loading') : t('common.choose')}</option>
                  {targetGroups.map((g) => (
                    <optgroup key={g.label} label={g.label}>
                      {g.items.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </Card>

        <Card title={t('ref.why')}>
          <div className="form">
            <Field label={t('ref.urgency')} name="urgency" required error={errors.urgency} group>
              {({ id: fid, describedBy, invalid }) => (
                <div className="urgency-choices" role="radiogroup" aria-labelledby={`${fid}-label`} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                  {URGENCIES.map((u) => (
                    <label key={u} className={`urgency-choice urgency-${u}`}>
                      <input type="radio" name="urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} />
                      <span>
                        <strong>{t(`ref.urgency.${u}`)}</strong>
                        <small>
                          {t(URGENCY_HINT[u])}
                          {dueDays && ` ${dueDays[u] === 0 ? t('ref.dueSameDay') : t('ref.dueInDays', { n: dueDays[u] })}`}
                        </small>
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </Field>
            <TextAreaField label={t('ref.reason')} name="reason" required value={reason} onValue={setReason} error={errors.reason} maxLength={500} hint={t('ref.reasonHint')} />
          </div>
        </Card>

        <Card title={t('ref.findings')}>
          <p className="small muted" style={{ marginBottom: 12 }}>
            {t('ref.findingsHint')}
          </p>
          <div className="findings-rows">
            {rows.map((r, i) => (
              <div className="findings-row" key={i}>
                <input
                  className="input"
                  aria-label={t('ref.findingName')}
                  placeholder={t('ref.findingNamePh')}
                  value={r.key}
                  maxLength={60}
                  name={`findings.${i}.key`}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))}
                />
                <input
                  className="input"
                  aria-label={t('ref.findingValue')}
                  placeholder={t('ref.findingValuePh')}
                  value={r.value}
                  maxLength={500}
                  name={`findings.${i}.value`}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                />
              </div>
            ))}
          </div>
          {Object.entries(errors)
            .filter(([k]) => k.startsWith('findings'))
            .map(([k, m]) => (
              <p className="field-error" key={k}>
                <Icon name="alertCircle" />
                <span>{m}</span>
              </p>
            ))}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRows([...rows, { key: '', value: '' }])} style={{ marginTop: 8 }}>
            <Icon name="plus" />
            {t('ref.addFinding')}
          </button>
        </Card>

        <div className="form-actions">
          <Link className="btn btn-secondary" to={`/people/${p.id}`}>
            {t('common.cancel')}
          </Link>
          <button type="submit" className="btn" disabled={busy} data-testid="referral-submit">
            <Icon name="move" />
            {busy ? t('common.saving') : t('ref.send')}
          </button>
        </div>
      </form>
    </div>
  );
}
