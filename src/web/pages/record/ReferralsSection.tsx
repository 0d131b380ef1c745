import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { Referral } from '../../api/referrals';
import { Alert, Card } from '../../components/ui';
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge, referralAge } from '../referrals/ReferralBits';

/** The latest back-referral's instructions, first thing on the record (what the kader should do now). */
export function LatestBackReferral({ referrals }: { referrals: Referral[] }) {
  const { t, date } = useI18n();
  const back = referrals.find((r) => r.status === 'back_referred' && r.backInstructions);
  if (!back) return null;
  const at = back.steps.findLast((s) => s.step === 'back_referred')?.at;
  return (
    <div className="span-2" data-testid="record-back-referral">
      <Alert tone="success" title={t('ref.backFrom', { facility: back.to.name })}>
        <p className="preline">{back.backInstructions}</p>
        <p className="small">
          {at && `${date(at.slice(0, 10))} · `}
          <Link to={`/referrals/${back.id}`}>{t('rec.openReferral')}</Link>
        </p>
      </Alert>
    </div>
  );
}

/** The person's referrals with their status and the answer that came back. */
export function ReferralsSection({ referrals }: { referrals: Referral[] }) {
  const { t, date } = useI18n();
  return (
    <Card title={t('rec.tab.referrals')} count={referrals.length}>
      <ul className="list" data-testid="record-referrals">
        {referrals.map((r) => (
          <li key={r.id} className="list-item ref-item">
            <div className="list-item-main">
              <Link to={`/referrals/${r.id}`}>
                {r.from.name} → {r.to.name}
              </Link>
              <span className="list-item-meta">
                {date(r.sentOn)} · {referralAge(t, r)} · {r.reason}
              </span>
              {r.outcome && (
                <span className="small">
                  <strong>{t('ref.outcome')}:</strong> {r.outcome}
                </span>
              )}
              {r.backInstructions && (
                <span className="small back-instructions">
                  <strong>{t('ref.instructions')}:</strong> {r.backInstructions}
                </span>
              )}
            </div>
            <div className="list-item-side badges">
              <ReferralStatusBadge status={r.status} />
              <UrgencyBadge urgency={r.urgency} />
              {r.overdue && <OverdueBadge />}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
