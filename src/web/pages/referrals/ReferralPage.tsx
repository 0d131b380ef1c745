import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n, type MessageKey } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { ApiError } from '../../api/client';
import {
  backRefer, cancelReferral, getReferral, handleReferral, noteReferral, receiveReferral, type Referral, type ReferralStep,
} from '../../api/referrals';
import { Alert, Badge, Breadcrumbs, Card, Dialog, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { TextAreaField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ageLabel } from '../../lib/format';
import { FACILITY_LABEL } from '../../../core/facilities/types';
import { actionsFor, findingText, sideOf, type Action } from './referral-view';
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge, referralAge } from './ReferralBits';

/** One referral: who, why, its steps, and the actions the user's side may take. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const res = useAsync(() => getReferral(id), [id]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <ReferralView referral={res.data} onChange={res.setData} reload={res.reload} key={id} />;
}

const ACTION_KEY: Record<Action, MessageKey> = {
  receive: 'ref.action.receive',
  handle: 'ref.action.handle',
  back_refer: 'ref.action.back_refer',
  cancel: 'ref.action.cancel',
  note: 'ref.action.note',
};

function ReferralView({ referral: r, onChange, reload }: { referral: Referral; onChange: (r: Referral) => void; reload: () => void }) {
  const me = useMe();
  const { t, label, date, number } = useI18n();
  const [action, setAction] = useState<Action | null>(null);
  const side = sideOf(me, r);
  const actions = actionsFor(r.status, side);
  const facilityName = (fid: string | null) => (fid === r.from.id ? r.from.name : fid === r.to.id ? r.to.name : null);
  const findings = r.findings ? Object.entries(r.findings) : [];

  return (
    <div className="page">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: t('ref.title'), to: side.sender && !side.onBehalf ? '/referrals?box=outbox' : '/referrals' }, { label: r.person.name }]} />}
        eyebrow={t('ref.eyebrow')}
        title={
          <Link to={`/people/${r.person.id}/record`} className="title-link">
            {r.person.name}
          </Link>
        }
        sub={`${r.person.sex === 'F' ? t('person.female') : t('person.male')} · ${ageLabel(t, r.person.birthDate)}${r.person.villageName ? ` · ${r.person.villageName}` : ''}`}
        badges={
          <>
            <ReferralStatusBadge status={r.status} />
            <UrgencyBadge urgency={r.urgency} />
            {r.overdue && <OverdueBadge />}
          </>
        }
      />

      {r.status === 'back_referred' && r.backInstructions && (
        <div data-testid="back-referral">
          <Alert tone="success" title={t('ref.backFrom', { facility: r.to.name })}>
            <p className="preline">{r.backInstructions}</p>
            {r.outcome && (
              <p className="small">
                <strong>{t('ref.outcome')}:</strong> {r.outcome}
              </p>
            )}
          </Alert>
        </div>
      )}
      {r.status === 'handled' && r.outcome && (
        <Alert tone="info" title={t('ref.handledBy', { facility: r.to.name })}>
          <p className="preline">{r.outcome}</p>
        </Alert>
      )}

      {actions.length > 0 && (
        <Card title={t('ref.actions')}>
          {side.onBehalf && <p className="small muted" style={{ marginBottom: 12 }}>{t('ref.onBehalfHint', { facility: r.to.name })}</p>}
          <div className="actions ref-actions">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                className={`btn${a === 'cancel' ? ' btn-danger-outline' : a === 'note' ? ' btn-secondary' : ''}`}
                onClick={() => setAction(a)}
                data-testid={`action-${a}`}
              >
                {t(ACTION_KEY[a])}
              </button>
            ))}
          </div>
        </Card>
      )}

      <div className="grid-2">
        <Card title={t('ref.details')}>
          <dl className="dl" data-testid="referral-details">
            <div>
              <dt>{t('ref.from')}</dt>
              <dd>
                {r.from.name} <span className="muted small">· {label(FACILITY_LABEL[r.from.type])}</span>
              </dd>
            </div>
            <div>
              <dt>{t('ref.to')}</dt>
              <dd>
                {r.to.name} <span className="muted small">· {label(FACILITY_LABEL[r.to.type])}</span>
              </dd>
            </div>
            <div>
              <dt>{t('ref.reason')}</dt>
              <dd className="preline">{r.reason}</dd>
            </div>
            <div>
              <dt>{t('ref.sentOn')}</dt>
              <dd>
                {date(r.sentOn)}
                {r.createdBy && <span className="muted small"> · {r.createdBy.name}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('ref.dueBy')}</dt>
              <dd>
                {date(r.dueBy)} {r.overdue && <OverdueBadge />}
              </dd>
            </div>
            <div>
              <dt>{t('ref.age')}</dt>
              <dd>{referralAge(t, r)}</dd>
            </div>
          </dl>
        </Card>

        <Card title={t('ref.findings')}>
          {findings.length ? (
            <dl className="dl" data-testid="referral-findings">
              {findings.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{findingText(v, t('common.yes'), t('common.no'), (n) => number(n))}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted small">{t('ref.noFindings')}</p>
          )}
        </Card>

        <Card title={t('ref.steps')} count={r.steps.length} className="span-2">
          <ol className="ref-steps" data-testid="referral-steps">
            {r.steps.map((s) => (
              <StepRow key={s.id} step={s} facility={facilityName(s.facilityId)} />
            ))}
          </ol>
        </Card>
      </div>

      <Dialog open={action !== null} onClose={() => setAction(null)} title={action ? t(ACTION_KEY[action]) : ''}>
        {action && (
          <ActionForm
            action={action}
            referral={r}
            onDone={(next) => {
              setAction(null);
              if (next) onChange(next);
              else reload();
            }}
            onCancel={() => setAction(null)}
          />
        )}
      </Dialog>
    </div>
  );
}

const STEP_KEY: Record<string, MessageKey> = {
  sent: 'ref.step.sent',
  received: 'ref.step.received',
  handled: 'ref.step.handled',
  back_referred: 'ref.step.back_referred',
  cancelled: 'ref.step.cancelled',
  note: 'ref.step.note',
};

function StepRow({ step: s, facility }: { step: ReferralStep; facility: string | null }) {
  const { t, dateTime } = useI18n();
  const data = s.data ?? {};
  const outcome = typeof data.outcome === 'string' ? data.outcome : null;
  const instructions = typeof data.instructions === 'string' ? data.instructions : null;
  return (
    <li className={`ref-step ref-step-${s.step}`} data-step={s.step}>
      <div className="ref-step-head">
        <strong>{STEP_KEY[s.step] ? t(STEP_KEY[s.step]!) : s.step}</strong>
        <span className="small muted">
          {dateTime(s.at)} · {s.daysSinceSent === 0 ? t('ref.sameDay') : t('ref.dayN', { n: s.daysSinceSent })}
        </span>
      </div>
      <div className="small muted">
        {[s.byName, facility].filter(Boolean).join(' · ')}
        {typeof data.onBehalfOf === 'string' && (
          <>
            {' '}
            <Badge>{t('ref.onBehalf')}</Badge>
          </>
        )}
      </div>
      {outcome && (
        <p className="preline">
          <strong>{t('ref.outcome')}:</strong> {outcome}
        </p>
      )}
      {instructions && (
        <p className="preline">
          <strong>{t('ref.instructions')}:</strong> {instructions}
        </p>
      )}
      {s.note && <p className="preline muted">{s.note}</p>}
    </li>
  );
}

/** The form of one action: the text it needs (outcome, instructions, reason to cancel, a note). */
function ActionForm({ action, referral: r, onDone, onCancel }: { action: Action; referral: Referral; onDone: (r: Referral | null) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [main, setMain] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The field the action needs: outcome (handle), instructions (back-refer), note (cancel, note); receive needs none. */
  const mainField = action === 'handle' ? 'outcome' : action === 'back_refer' ? 'instructions' : action === 'receive' ? null : 'note';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mainField && !main.trim()) {
      setErrors({ [mainField]: t('validation.required') });
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const res =
        action === 'receive' ? await receiveReferral(r.id, note)
        : action === 'handle' ? await handleReferral(r.id, main.trim(), note)
        : action === 'back_refer' ? await backRefer(r.id, main.trim(), note)
        : action === 'cancel' ? await cancelReferral(r.id, main.trim())
        : await noteReferral(r.id, main.trim());
      toast(t('ref.saved'));
      onDone(res.referral);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'referral_status' || err.code === 'version_conflict')) {
        // Someone else moved the referral on meanwhile: say so, and show the current state behind the dialog.
        setFormError(`${errorText(err)} ${t('ref.reloadHint')}`);
      } else if (err instanceof ApiError && ((mainField && err.fields[mainField]) || err.fields.note)) setErrors(err.fields);
      else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const mainLabel: MessageKey | null =
    mainField === 'outcome' ? 'ref.outcome' : mainField === 'instructions' ? 'ref.instructions' : action === 'cancel' ? 'ref.cancelReason' : mainField ? 'ref.note' : null;
  const mainHint: MessageKey | null = action === 'handle' ? 'ref.outcomeHint' : action === 'back_refer' ? 'ref.instructionsHint' : null;
  return (
    <form className="form" onSubmit={submit} noValidate data-testid={`form-${action}`}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {action === 'receive' && <p>{t('ref.receiveText', { facility: r.to.name })}</p>}
      {mainLabel && mainField && (
        <TextAreaField
          label={t(mainLabel)}
          name={mainField}
          required
          value={main}
          onValue={setMain}
          error={errors[mainField]}
          hint={mainHint ? t(mainHint) : undefined}
          maxLength={mainField === 'instructions' ? 2000 : mainField === 'outcome' ? 500 : 1000}
        />
      )}
      {(action === 'receive' || action === 'handle' || action === 'back_refer') && (
        <TextAreaField label={t('ref.note')} name="note" value={note} onValue={setNote} error={errors.note} maxLength={1000} />
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={`btn${action === 'cancel' ? ' btn-danger' : ''}`} disabled={busy} data-testid="action-submit">
          {busy ? t('common.saving') : t(ACTION_KEY[action])}
          {!busy && <Icon name="check" />}
        </button>
      </div>
    </form>
  );
}
