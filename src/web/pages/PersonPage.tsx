import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { getPerson, personHistory, setPersonStatus } from '../api/people';
import { ApiError } from '../api/client';
import type { PersonDetail, PersonStatus, Residence } from '../api/types';
import { Alert, Badge, Breadcrumbs, Card, DataTable, Dialog, Empty, ErrorState, Loading, PageHeader, useErrorText, type Column } from '../components/ui';
import { RadioGroupField, TextField } from '../components/Field';
import { Icon } from '../components/Icon';
import { ChangeList } from '../components/ChangeList';
import { StatusBadge } from '../components/PeopleTable';
import { useToast } from '../components/Toast';
import { Lineage } from './HouseholdPage';
import { useAreaCrumbs } from './AreaPage';
import { ageLabel, groupDigits, maskNik, rtRwLabel, displayName, placeName } from '../lib/format';
import { rtRwOf, villageOf } from '../../core/areas/codes';
import { PERSON_STATUSES, PERSON_STATUS_LABEL, RELATIONSHIP_LABEL } from '../../core/people/household';
import { todayIn } from '../../core/time/dates';
import { message } from '../../core/i18n/messages';
import { RecordLinks } from './record/RecordLinks';

export function PersonPage() {
  const { id = '' } = useParams();
  const res = useAsync(() => getPerson(id), [id]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <PersonView detail={res.data} onChange={res.setData} reload={res.reload} key={id} />;
}

function PersonView({ detail, onChange, reload }: { detail: PersonDetail; onChange: (d: PersonDetail) => void; reload: () => void }) {
  const me = useMe();
  const { t, label, date, dateTime } = useI18n();
  const crumbs = useAreaCrumbs();
  const { person: p, household, mother, children, lineage, residences } = detail;
  const [showNik, setShowNik] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);
  const history = useAsync(() => personHistory(p.id), [p.id, p.version]);
  const ancestors = lineage.slice(0, -1);
  const here = lineage[lineage.length - 1];
  const canEdit = me.permissions.editRegistry;
  const sexLabel = p.sex === 'F' ? t('person.female') : t('person.male');
  const rtrw = household ? rtRwLabel(household.rt, household.rw, household.dusun) : '';

  const resCols: Column<Residence>[] = [
    {
      key: 'where',
      header: t('person.residenceWhere'),
      primary: true,
      render: (r) => {
        const where = residenceLabel(r);
        return r.householdId && r.householdId === p.householdId ? <Link to={`/households/${r.householdId}`}>{where}</Link> : <span>{where}</span>;
      },
    },
    { key: 'from', header: t('person.residenceFrom'), render: (r) => date(r.fromDate) },
    { key: 'to', header: t('person.residenceTo'), render: (r) => (r.toDate ? date(r.toDate) : <Badge tone="success">{t('person.residenceNow')}</Badge>) },
    { key: 'reason', header: t('person.residenceReason'), render: (r) => reasonLabel(r.reason) },
  ];

  /** "RT 001 / RW 001, Kelurahan Lambuya" from a residence's area code. */
  function residenceLabel(r: Residence): string {
    const parts = rtRwOf(r.areaCode);
    const sub = rtRwLabel(parts.rt, parts.rw, parts.dusun);
    const village = lineage.find((a) => a.code === villageOf(r.areaCode));
    const villageText = village ? placeName(t, village) : (r.villageName ?? villageOf(r.areaCode) ?? r.areaCode);
    return sub ? `${sub}, ${villageText}` : villageText;
  }

  function reasonLabel(r: string | null): string {
    if (!r) return '–';
    if (r === 'registered' || r === 'registration') return t('person.reasonRegistered');
    if (r === 'birth') return t('person.reasonBirth');
    if (r === 'moved') return t('person.reasonMoved');
    if (r === 'household_moved') return t('person.reasonHouseholdMoved');
    return r;
  }

  return (
    <div className="page">
      <PageHeader
        crumbs={
          <Breadcrumbs
            items={[
              ...crumbs(ancestors, here),
              ...(household ? [{ label: household.headName ? t('household.titleOf', { name: household.headName }) : t('household.title'), to: `/households/${household.id}` }] : []),
              { label: p.name },
            ]}
          />
        }
        eyebrow={t('person.eyebrow')}
        title={p.name}
        badges={
          <>
            <Badge tone="primary">{sexLabel}</Badge>
            <Badge>{ageLabel(t, p.birthDate, p.status === 'deceased' && p.statusDate ? p.statusDate : todayIn())}</Badge>
            {p.relationship && <Badge>{label(RELATIONSHIP_LABEL[p.relationship])}</Badge>}
            <StatusBadge status={p.status} />
          </>
        }
        actions={
          canEdit ? (
            <>
              <Link className="btn" to={`/people/${p.id}/edit`} data-testid="edit-person">
                <Icon name="edit" />
                {t('common.edit')}
              </Link>
              <Link className="btn btn-secondary" to={`/people/${p.id}/move`} data-testid="move-person">
                <Icon name="move" />
                {t('person.move')}
              </Link>
              <button type="button" className="btn btn-secondary" onClick={() => setStatusOpen(true)} data-testid="set-status">
                <Icon name="heart" />
                {t('person.setStatus')}
              </button>
            </>
          ) : undefined
        }
      />

      {p.status !== 'alive' && (
        <Alert tone={p.status === 'deceased' ? 'error' : 'warning'} role="status">
          {p.status === 'deceased' ? t('person.deceasedOn', { date: date(p.statusDate) }) : t('person.movedOn', { date: date(p.statusDate) })}
        </Alert>
      )}

      <RecordLinks person={p} />

      <div className="grid-2">
        <Card title={t('person.identity')}>
          <dl className="dl" data-testid="person-identity">
            <div>
              <dt>{t('person.nik')}</dt>
              <dd>
                <span className="id-number" data-testid="person-nik">
                  {p.nik ? (showNik ? groupDigits(p.nik) : maskNik(p.nik)) : t('person.noNik')}
                </span>
                {p.nik && (
                  <button type="button" className="linkbtn small" style={{ marginLeft: 8 }} onClick={() => setShowNik((s) => !s)} aria-pressed={showNik}>
                    {showNik ? t('person.hideNik') : t('person.showNik')}
                  </button>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('person.name')}</dt>
              <dd>{p.name}</dd>
            </div>
            <div>
              <dt>{t('person.sex')}</dt>
              <dd>{sexLabel}</dd>
            </div>
            <div>
              <dt>{t('person.birthDate')}</dt>
              <dd>
                {date(p.birthDate)}
                {p.birthDateEstimated && <span className="muted"> ({t('person.estimated')})</span>}
                <span className="muted"> · {ageLabel(t, p.birthDate)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('person.birthPlace')}</dt>
              <dd>{p.birthPlace || '–'}</dd>
            </div>
          </dl>
        </Card>

        <Card title={t('person.family')}>
          <dl className="dl">
            <div>
              <dt>{t('person.household')}</dt>
              <dd>
                {household ? (
                  <Link to={`/households/${household.id}`}>
                    {household.headName ? t('household.titleOf', { name: household.headName }) : t('household.title')}
                  </Link>
                ) : (
                  t('person.noHousehold')
                )}
                {household?.kkNumber && <div className="small muted mono">KK {groupDigits(household.kkNumber)}</div>}
              </dd>
            </div>
            <div>
              <dt>{t('person.relationship')}</dt>
              <dd>{p.relationship ? label(RELATIONSHIP_LABEL[p.relationship]) : '–'}</dd>
            </div>
            <div>
              <dt>{t('person.mother')}</dt>
              <dd>{mother ? <Link to={`/people/${mother.id}`}>{mother.name}</Link> : p.motherId ? t('person.outOfScope') : '–'}</dd>
            </div>
          </dl>
          {children.length > 0 && (
            <div style={{ marginTop: 16 }}>
              <h3 style={{ marginBottom: 8 }}>
                {t('person.children')} <span className="count-pill">{children.length}</span>
              </h3>
              <ul className="list">
                {children.map((c) => (
                  <li className="list-item" key={c.id}>
                    <div className="list-item-main">
                      <Link to={`/people/${c.id}`}>{c.name}</Link>
                      <span className="list-item-meta">
                        {c.sex === 'F' ? t('person.female') : t('person.male')} · {ageLabel(t, c.birthDate)}
                      </span>
                    </div>
                    <Icon name="chevronRight" className="chev" />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>

        <Card title={t('person.contact')}>
          <dl className="dl">
            <div>
              <dt>{t('person.phone')}</dt>
              <dd>{p.phone ? <a href={`tel:${p.phone}`}>{p.phone}</a> : '–'}</dd>
            </div>
            <div>
              <dt>{t('person.jkn')}</dt>
              <dd className="mono">{p.jknNumber ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('person.status')}</dt>
              <dd>
                {label(PERSON_STATUS_LABEL[p.status])}
                {p.statusDate && <span className="muted"> · {date(p.statusDate)}</span>}
              </dd>
            </div>
          </dl>
        </Card>

        <Card title={t('person.domicile')}>
          {household?.address || rtrw ? (
            <p style={{ marginBottom: 12 }}>
              {household?.address}
              {household?.address && rtrw ? ', ' : ''}
              {rtrw}
            </p>
          ) : null}
          <Lineage areas={lineage} testId="person-lineage" />
        </Card>

        <Card flush title={t('person.residences')} count={residences.length} className="span-2">
          {residences.length ? (
            <DataTable columns={resCols} rows={residences} rowKey={(r) => String(r.id ?? `${r.fromDate}-${r.areaCode}`)} />
          ) : (
            <Empty title={t('person.noResidences')} icon="places" />
          )}
        </Card>

        <Card flush title={t('history.title')} count={history.data?.changes.length} className="span-2" id="history">
          {history.error ? (
            <div style={{ padding: 16 }}>
              <Alert tone="error">{t('error.server')}</Alert>
            </div>
          ) : !history.data ? (
            <div style={{ padding: '0 16px' }}>
              <Loading />
            </div>
          ) : (
            <ChangeList changes={history.data.changes} testId="change-list" />
          )}
        </Card>
      </div>

      {me.permissions.viewAudit && (
        <p className="small">
          <Link to={`/admin/audit?personId=${p.id}&personName=${encodeURIComponent(p.name)}`}>{t('person.auditLink')}</Link>
        </p>
      )}

      {p.acceptedWarnings && p.acceptedWarnings.length > 0 && (
        <Card title={t('person.acceptedWarnings')}>
          <ul className="list">
            {p.acceptedWarnings.map((w, i) => (
              <li className="list-item" key={i}>
                <div className="list-item-main">
                  <strong style={{ fontWeight: 500 }}>{w.message}</strong>
                  <span className="list-item-meta">{dateTime(w.at)}</span>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Dialog open={statusOpen} onClose={() => setStatusOpen(false)} title={t('person.setStatus')}>
        <StatusForm
          detail={detail}
          onDone={(d) => {
            setStatusOpen(false);
            if (d) onChange(d);
            else reload();
          }}
          onCancel={() => setStatusOpen(false)}
        />
      </Dialog>
    </div>
  );
}

function StatusForm({ detail, onDone, onCancel }: { detail: PersonDetail; onDone: (d: PersonDetail | null) => void; onCancel: () => void }) {
  const { t, label, locale } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const p = detail.person;
  const [status, setStatus] = useState<PersonStatus>(p.status);
  const [date, setDate] = useState(p.statusDate ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIn();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (status !== 'alive') {
      if (!date) errs.date = message({ code: 'status_date_required' }, locale);
      else if (date > today) errs.date = message({ code: 'date_in_future' }, locale);
      else if (date < p.birthDate) errs.date = t('validation.beforeBirth');
    }
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const d = await setPersonStatus(p.id, status, status === 'alive' ? null : date);
      toast(t('common.saved'));
      onDone(d && 'person' in d ? d : null);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="status-form">
      {formError && <Alert tone="error">{formError}</Alert>}
      <RadioGroupField
        label={t('person.status')}
        name="status"
        required
        value={status}
        onValue={(v) => setStatus(v as PersonStatus)}
        options={PERSON_STATUSES.map((s) => ({ value: s, label: label(PERSON_STATUS_LABEL[s]) }))}
        error={errors.status}
      />
      {status !== 'alive' && (
        <TextField
          label={status === 'deceased' ? t('person.deathDate') : t('person.movedDate')}
          name="date"
          type="date"
          required
          max={today}
          value={date}
          onValue={setDate}
          error={errors.date}
        />
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
