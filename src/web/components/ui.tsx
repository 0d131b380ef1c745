import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Icon, type IconName } from './Icon';
import { useI18n, type MessageKey } from '../i18n';
import { ApiError } from '../api/client';

export function PageHeader({
  eyebrow,
  title,
  sub,
  actions,
  crumbs,
  badges,
}: {
  eyebrow?: ReactNode;
  title: ReactNode;
  sub?: ReactNode;
  actions?: ReactNode;
  crumbs?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <header className="page-head">
      {crumbs}
      <div className="page-head-row">
        <div className="page-title">
          {eyebrow && <span className="eyebrow">{eyebrow}</span>}
          <h1>{title}</h1>
          {sub && <p className="page-sub">{sub}</p>}
          {badges && <div className="badges">{badges}</div>}
        </div>
        {actions && <div className="actions">{actions}</div>}
      </div>
    </header>
  );
}

export function Card({ title, count, actions, children, flush, className, id }: {
  title?: ReactNode;
  count?: number;
  actions?: ReactNode;
  children: ReactNode;
  flush?: boolean;
  className?: string;
  id?: string;
}) {
  const { number } = useI18n();
  return (
    <section className={`card${flush ? ' card-flush' : ''}${className ? ` ${className}` : ''}`} id={id}>
      {(title || actions) && (
        <div className="section-head">
          {title && (
            <h2>
              {title}
              {count !== undefined && <span className="count-pill">{number(count)}</span>}
            </h2>
          )}
          {actions && <div className="actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

export function Stat({ label, value, note, to }: { label: string; value: ReactNode; note?: ReactNode; to?: string }) {
  const body = (
    <>
      <span className="stat-label">{label}</span>
      <span className={`stat-value${typeof value === 'string' && value.length > 8 ? ' stat-value-long' : ''}`}>{value}</span>
      {note && <span className="stat-note">{note}</span>}
    </>
  );
  return to ? (
    <Link className="stat" to={to} style={{ textDecoration: 'none' }}>
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  );
}

type Tone = 'error' | 'warning' | 'info' | 'success';
const TONE_ICON: Record<Tone, IconName> = { error: 'alertCircle', warning: 'alert', info: 'info', success: 'check' };

export function Alert({ tone, title, children, role }: { tone: Tone; title?: ReactNode; children?: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`alert alert-${tone}`} role={role ?? (tone === 'error' ? 'alert' : 'status')}>
      <Icon name={TONE_ICON[tone]} />
      <div className="alert-body">
        {title && <div className="alert-title">{title}</div>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}

export function Badge({ tone, children }: { tone?: 'primary' | 'success' | 'danger' | 'warning' | 'info'; children: ReactNode }) {
  return <span className={`badge${tone ? ` badge-${tone}` : ''}`}>{children}</span>;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ title, children, icon = 'search' }: { title: ReactNode; children?: ReactNode; icon?: IconName }) {
  return (
    <div className="empty">
      <Icon name={icon} />
      <strong>{title}</strong>
      {children && <div className="small">{children}</div>}
    </div>
  );
}

/** The words for an API error, in the user's language. */
export function useErrorText(): (e: unknown) => string {
  const { t } = useI18n();
  return (e: unknown) => {
    if (e instanceof ApiError) {
      if (e.isNetwork) return t('error.network');
      switch (e.status) {
        case 401:
          return t('error.unauthenticated');
        case 403:
          return e.code === 'csrf' ? t('error.csrf') : t('error.forbidden');
        case 404:
          return t('error.notFound');
        case 409:
          if (e.code === 'version_conflict') return t('error.versionConflict');
          return e.message;
        case 413:
          return t('error.tooLarge');
        case 429:
          return t('error.rateLimited', { seconds: e.retryAfterSeconds ?? 60 });
        default:
          if (e.status >= 500) return t('error.server');
          return e.message || t('error.server');
      }
    }
    return t('error.server');
  };
}

/** A whole-page error: out of scope, not found, offline, server error. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const navigate = useNavigate();
  let title: MessageKey = 'error.title';
  if (error instanceof ApiError) {
    if (error.status === 403 && error.code !== 'csrf') title = 'error.forbiddenTitle';
    else if (error.status === 404) title = 'error.notFoundTitle';
    else if (error.isNetwork) title = 'error.networkTitle';
  }
  return (
    <div className="state-page" role="alert">
      <div className="state-icon">
        <Icon name={title === 'error.forbiddenTitle' ? 'lock' : 'alert'} />
      </div>
      <h1>{t(title)}</h1>
      <p className="page-sub" style={{ fontSize: 'var(--fs-md)' }}>
        {text(error)}
      </p>
      <div className="actions">
        <button type="button" className="btn btn-secondary" onClick={() => navigate(-1)}>
          <Icon name="chevronLeft" />
          {t('common.back')}
        </button>
        {onRetry && (error instanceof ApiError ? error.isNetwork || error.status >= 500 : true) && (
          <button type="button" className="btn" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
        <Link className="btn btn-ghost" to="/">
          {t('nav.home')}
        </Link>
      </div>
    </div>
  );
}

export function Breadcrumbs({ items }: { items: { label: string; to?: string }[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('common.breadcrumbs')}>
      <ol className="crumbs">
        {items.map((it, i) => (
          <li key={`${i}-${it.label}`}>
            {it.to && i < items.length - 1 ? (
              <Link to={it.to}>{it.label}</Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{it.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export interface Column<R> {
  key: string;
  header: string;
  render: (row: R) => ReactNode;
  /** the title line of the card on phones (holds the row's link) */
  primary?: boolean;
  /** full width on the phone card */
  wide?: boolean;
  /** right-aligned numbers on desktop */
  num?: boolean;
  /** hidden on phone cards when the value is empty */
  hideEmptyOnPhone?: (row: R) => boolean;
  /** not shown on phone cards at all */
  phoneHidden?: boolean;
}

/** A table on desktop; on phones each row becomes a card, the whole card tapping through to `rowHref`. */
export function DataTable<R>({ columns, rows, rowKey, rowHref, caption, testId, dense }: {
  columns: Column<R>[];
  rows: R[];
  rowKey: (r: R) => string;
  rowHref?: (r: R) => string;
  caption?: string;
  testId?: string;
  /** phones: title line plus one line of the other cells */
  dense?: boolean;
}) {
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className={`rtable${dense ? ' dense' : ''}`} data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const href = rowHref?.(r);
            return (
              <tr
                key={rowKey(r)}
                className={href ? 'clickable' : undefined}
                onClick={
                  href
                    ? (e) => {
                        const target = e.target as HTMLElement;
                        if (target.closest('a,button,input,select,textarea')) return;
                        navigate(href);
                      }
                    : undefined
                }
              >
                {columns.map((c) => {
                  const cls = [
                    c.primary ? 'cell-primary' : '',
                    c.wide ? 'cell-wide' : '',
                    c.num ? 'num' : '',
                    c.hideEmptyOnPhone?.(r) ? 'cell-empty-m' : '',
                    c.phoneHidden ? 'cell-phone-hidden' : '',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <td key={c.key} data-label={c.header} className={cls || undefined}>
                      {c.render(r)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Pagination({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (p: number) => void }) {
  const { t, number } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <span>{t('common.showing', { from: number(from), to: number(to), total: number(total) })}</span>
      <div className="pager-buttons">
        <button type="button" className="btn btn-secondary btn-sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <Icon name="chevronLeft" />
          {t('common.prev')}
        </button>
        <button type="button" className="btn btn-secondary btn-sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('common.next')}
          <Icon name="chevronRight" />
        </button>
      </div>
    </nav>
  );
}

export function LangSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      <button type="button" aria-pressed={locale === 'id'} onClick={() => setLocale('id')} lang="id" title="Bahasa Indonesia">
        ID
      </button>
      <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')} lang="en" title="English">
        EN
      </button>
    </div>
  );
}

export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="dialog-title">
      {open && (
        <div className="dialog-body">
          <h2 id="dialog-title">{title}</h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

export function ListItem({ to, title, meta, side }: { to?: string; title: ReactNode; meta?: ReactNode; side?: ReactNode }) {
  return (
    <li className="list-item">
      <div className="list-item-main">
        {to ? <Link to={to}>{title}</Link> : <strong>{title}</strong>}
        {meta && <span className="list-item-meta">{meta}</span>}
      </div>
      {side && <div className="list-item-side">{side}</div>}
      {to && <Icon name="chevronRight" className="chev" />}
    </li>
  );
}
