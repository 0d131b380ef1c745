/**
 * Small building blocks of the recording forms: a number with its unit, a
 * yes/no pair, a list of choices, a result band, a section card. Large tap
 * targets; numbers open the numeric keypad; decimal comma accepted.
 */
import { useId, type ReactNode } from 'react';
import { Field } from '../components/Field';
import { useI18n, type MessageKey } from '../i18n';
import { message } from '../../core/i18n/messages';
import { STATUS_LABELS, type ScheduleStatus } from '../../core/schedule/status';
import { LOCAL_CODES, type DraftIssue } from './build-events';
import '../styles/fieldwork.css';

/** The words for a browser-side issue (core message, or a fieldwork text). */
export function useIssueText(): (issue: DraftIssue | undefined | null) => string | null {
  const { t, locale } = useI18n();
  return (issue) => {
    if (!issue) return null;
    if ((LOCAL_CODES as readonly string[]).includes(issue.code)) return t(`fw.err.${issue.code}` as MessageKey, issue.params);
    return message({ code: issue.code, ...(issue.params ? { params: issue.params } : {}) }, locale);
  };
}

export function UnitField({
  label, name, value, onValue, unit, error, warnings, hint, integer, required, autoFocus, className,
}: {
  label: ReactNode;
  name: string;
  value: string;
  onValue: (v: string) => void;
  unit?: string;
  error?: string | null;
  warnings?: string[];
  hint?: ReactNode;
  integer?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
}) {
  return (
    <Field label={label} name={name} error={error} warnings={warnings} hint={hint} required={required} className={className} filter={!required}>
      {({ id, describedBy, invalid }) => (
        <div className="fw-unit">
          <input
            id={id}
            name={name}
            className={`input${warnings?.length && !invalid ? ' has-warning' : ''}`}
            inputMode={integer ? 'numeric' : 'decimal'}
            autoComplete="off"
            enterKeyHint="next"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            value={value}
            onChange={(e) => onValue(e.target.value)}
            autoFocus={autoFocus}
            maxLength={12}
          />
          {unit && <span className="fw-unit-suffix" aria-hidden="true">{unit}</span>}
        </div>
      )}
    </Field>
  );
}

/** "Ya" / "Tidak" as two large buttons (radio inputs underneath). */
export function YesNo({ label, name, value, onValue, error }: { label: ReactNode; name: string; value: string; onValue: (v: 'y' | 'n') => void; error?: string | null }) {
  const { t } = useI18n();
  const gid = useId();
  return (
    <div className="fw-question" data-field={name}>
      <span className="fw-question-text" id={`${gid}-q`}>{label}</span>
      <div className="fw-yesno" role="radiogroup" aria-labelledby={`${gid}-q`} aria-invalid={error ? true : undefined}>
        {(['y', 'n'] as const).map((v) => (
          <label key={v} className={value === v ? `on-${v}` : undefined}>
            <input type="radio" name={`${name}-${gid}`} value={v} checked={value === v} onChange={() => onValue(v)} />
            {v === 'y' ? t('common.yes') : t('common.no')}
          </label>
        ))}
      </div>
      {error && <p className="field-error" data-testid={`error-${name}`}>{error}</p>}
    </div>
  );
}

/** One choice among several, each a full-width row (ADL items). */
export function ChoiceList({ label, name, value, onValue, options, error }: {
  label: ReactNode;
  name: string;
  value: string;
  onValue: (v: string) => void;
  options: { value: string; label: ReactNode }[];
  error?: string | null;
}) {
  const gid = useId();
  return (
    <fieldset className="fw-choices" data-field={name} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className={value === o.value ? 'on' : undefined}>
          <input type="radio" name={`${name}-${gid}`} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
          <span>{o.label}</span>
          <span className="fw-choice-score" aria-hidden="true">{o.value}</span>
        </label>
      ))}
      {error && <p className="field-error" data-testid={`error-${name}`}>{error}</p>}
    </fieldset>
  );
}

export type ResultTone = 'ok' | 'watch' | 'alert' | 'neutral';

/** A result in words: band, score and what to do (from core), with its tone. */
export function ResultCard({ title, band, detail, followUp, tone, preliminary, testId }: {
  title: ReactNode;
  band: ReactNode;
  detail?: ReactNode;
  followUp?: ReactNode;
  tone: ResultTone;
  preliminary?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className={`fw-result fw-result-${tone}`} data-testid={testId} role="status">
      <div className="fw-result-head">
        <span className="fw-result-title">{title}</span>
        {preliminary && <span className="fw-prelim" title={t('fw.preliminaryHint')}>{t('fw.preliminary')}</span>}
      </div>
      <strong className="fw-result-band">{band}</strong>
      {detail && <div className="fw-result-detail">{detail}</div>}
      {followUp && <div className="fw-result-follow">{followUp}</div>}
    </div>
  );
}

/** A form section: a title, what is due in it, its fields. */
export function Section({ id, title, due, children, onRemove, testId }: {
  id?: string;
  title: ReactNode;
  due?: ReactNode;
  children: ReactNode;
  onRemove?: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <section className="card fw-section" id={id} data-testid={testId}>
      <div className="fw-section-head">
        <h3>{title}</h3>
        {onRemove && (
          <button type="button" className="linkbtn small" onClick={onRemove}>
            {t('fw.hideSection')}
          </button>
        )}
      </div>
      {due && <div className="fw-section-due">{due}</div>}
      <div className="fw-section-body">{children}</div>
    </section>
  );
}

/** A due item as a small chip: label and status. */
export function DueChip({ label, status, testId }: { label: string; status: string; testId?: string }) {
  const { label: pick } = useI18n();
  return (
    <span className={`fw-chip fw-chip-${status}`} data-testid={testId}>
      <span>{label}</span>
      <span className="fw-chip-status">{pick(STATUS_LABELS[status as ScheduleStatus])}</span>
    </span>
  );
}
