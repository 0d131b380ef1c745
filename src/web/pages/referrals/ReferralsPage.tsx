import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { listReferrals, type Box, type Referral } from '../../api/referrals';
import { Card, DataTable, Empty, ErrorState, Loading, PageHeader, Pagination, type Column } from '../../components/ui';
import { SelectField } from '../../components/Field';
import { ageLabel } from '../../lib/format';
import { ReferralStatusBadge, UrgencyBadge, OverdueBadge, referralAge } from './ReferralBits';

const PAGE_SIZE = 25;
const STATUS_FILTERS = ['open', 'handled', 'back_referred', 'cancelled', 'all'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * A facility's referral inbox (referred to us) and outbox (we referred), with
 * statuses sent/received/handled/back-referred, ages and overdue marks. Open
 * ones come first, the most urgent first.
 */
export function ReferralsPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const statusParam = params.get('status') as StatusFilter | null;
  const status: StatusFilter = statusParam && (STATUS_FILTERS as readonly string[]).includes(statusParam) ? statusParam : 'all';
  const overdue = params.get('overdue') === '1';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const res = useAsync(
    () => listReferrals({ box, status: status === 'all' ? undefined : status, overdue, page, pageSize: PAGE_SIZE }),
    [box, status, overdue, page],
  );

  function set(next: Record<string, string | null>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    if (!('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  }

  const cols: Column<Referral>[] = [
    {
      key: 'person',
      header: t('ref.person'),
      primary: true,
      render: (r) => (
        <span className="ref-person">
          <Link to={`/referrals/${r.id}`} data-testid="referral-link">
            {r.person.name}
          </Link>
          <span className="small muted">
            {' '}
            · {r.person.sex === 'F' ? t('person.female') : t('person.male')} · {ageLabel(t, r.person.birthDate)}
          </span>
        </span>
      ),
    },
    { key: 'facility', header: box === 'inbox' ? t('ref.from') : t('ref.to'), render: (r) => (box === 'inbox' ? r.from.name : r.to.name) },
    { key: 'reason', header: t('ref.reason'), wide: true, render: (r) => <span className="ref-reason">{r.reason}</span> },
    { key: 'urgency', header: t('ref.urgency'), render: (r) => <UrgencyBadge urgency={r.urgency} /> },
    {
      key: 'status',
      header: t('ref.status'),
      render: (r) => (
        <span className="badges">
          <ReferralStatusBadge status={r.status} />
          {r.overdue && <OverdueBadge />}
        </span>
      ),
    },
    { key: 'age', header: t('ref.age'), num: true, render: (r) => referralAge(t, r) },
  ];

  return (
    <div className="page">
      <PageHeader
        eyebrow={me.facility ? me.facility.name : t('ref.allInScope')}
        title={t('ref.title')}
        sub={t('ref.sub')}
      />

      <div className="tabs tabs-wrap" role="tablist" aria-label={t('ref.title')}>
        <button type="button" role="tab" aria-selected={box === 'inbox'} onClick={() => set({ box: null })} data-testid="box-inbox">
          {t('ref.inbox')}
        </button>
        <button type="button" role="tab" aria-selected={box === 'outbox'} onClick={() => set({ box: 'outbox' })} data-testid="box-outbox">
          {t('ref.outbox')}
        </button>
      </div>

      <div className="card ref-filters">
        <SelectField
          filter
          label={t('ref.status')}
          name="status"
          value={status}
          onValue={(v) => set({ status: v === 'all' ? null : v })}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`ref.filter.${s}`) }))}
        />
        <label className="check">
          <input type="checkbox" name="overdue" checked={overdue} onChange={(e) => set({ overdue: e.target.checked ? '1' : null })} />
          <span>{t('ref.onlyOverdue')}</span>
        </label>
      </div>

      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <Card flush title={box === 'inbox' ? t('ref.inboxTitle') : t('ref.outboxTitle')} count={res.data.total}>
          {res.data.referrals.length ? (
            <>
              <DataTable
                columns={cols}
                rows={res.data.referrals}
                rowKey={(r) => r.id}
                rowHref={(r) => `/referrals/${r.id}`}
                testId={`referrals-${box}`}
              />
              <div style={{ padding: '0 16px 16px' }}>
                <Pagination page={page} pageSize={PAGE_SIZE} total={res.data.total} onPage={(p) => set({ page: String(p) })} />
              </div>
            </>
          ) : (
            <Empty title={box === 'inbox' ? t('ref.emptyInbox') : t('ref.emptyOutbox')} icon="move">
              {t('ref.emptyHint')}
            </Empty>
          )}
        </Card>
      )}
    </div>
  );
}
