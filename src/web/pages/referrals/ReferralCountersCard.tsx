import { useI18n } from '../../i18n';
import type { ReferralCounters } from '../../api/referrals';
import { Stat } from '../../components/ui';

/** The home page's referral counters (GET /api/home `referrals`): open inbox, overdue in and out, recent back-referrals. */
export function ReferralCountersCard({ counters }: { counters: ReferralCounters | undefined }) {
  const { t, number } = useI18n();
  if (!counters) return null;
  return (
    <section className="section" aria-labelledby="referral-counters-title">
      <h2 id="referral-counters-title">{t('ref.title')}</h2>
      <div className="stats ref-counters" data-testid="home-referrals">
        <Stat label={t('ref.home.inbox')} value={number(counters.inbox)} to="/referrals?status=open" />
        <Stat
          label={t('ref.home.overdueInbox')}
          value={<span className={counters.overdueInbox ? 'stat-alert' : undefined}>{number(counters.overdueInbox)}</span>}
          to="/referrals?overdue=1"
        />
        <Stat
          label={t('ref.home.overdueOutbox')}
          value={<span className={counters.overdueOutbox ? 'stat-alert' : undefined}>{number(counters.overdueOutbox)}</span>}
          to="/referrals?box=outbox&overdue=1"
        />
        <Stat label={t('ref.home.backReferred')} value={number(counters.backReferred)} to="/referrals?box=outbox&status=back_referred" />
      </div>
    </section>
  );
}
