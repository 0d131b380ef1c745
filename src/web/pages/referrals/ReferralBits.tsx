import { useI18n, type MessageKey, type Params } from '../../i18n';
import { Badge } from '../../components/ui';
import type { Referral, ReferralStatus, Urgency } from '../../api/referrals';
import { STATUS_TONE, URGENCY_TONE } from './referral-view';

type T = (key: MessageKey, params?: Params) => string;

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return (
    <span data-referral-status={status}>
      <Badge tone={STATUS_TONE[status]}>{t(`ref.status.${status}`)}</Badge>
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useI18n();
  return <Badge tone={URGENCY_TONE[urgency]}>{t(`ref.urgency.${urgency}`)}</Badge>;
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span data-testid="overdue">
      <Badge tone="danger">{t('ref.overdue')}</Badge>
    </span>
  );
}

/** "hari ini", "3 hari": days since sending (until closing for closed referrals). */
export function referralAge(t: T, r: Pick<Referral, 'ageDays'>): string {
  return r.ageDays === 0 ? t('ref.today') : t('ref.days', { n: r.ageDays });
}
