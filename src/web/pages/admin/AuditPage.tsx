import { Link, Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n, type MessageKey } from '../../i18n';
import { useState } from 'react';
import { useAsync, useDebounced } from '../../lib/useAsync';
import { searchPeople } from '../../api/people';
import { listAudit, listUsers } from '../../api/admin';
import type { AuditEntry } from '../../api/types';
import { Badge, Card, DataTable, Empty, ErrorState, Loading, PageHeader, Pagination, type Column } from '../../components/ui';
import { SelectField, TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';

const PAGE_SIZE = 50;
const ACTIONS = ['read', 'list', 'create', 'update', 'delete', 'denied', 'login', 'login_failed', 'logout', 'export'] as const;
type Action = (typeof ACTIONS)[number];
const ACTION_KEY: Record<Action, MessageKey> = {
  read: 'audit.action.read',
  list: 'audit.action.list',
  create: 'audit.action.create',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  denied: 'audit.action.denied',
  login: 'audit.action.login',
  login_failed: 'audit.action.login_failed',
  logout: 'audit.action.logout',
  export: 'audit.action.export',
};
const TONE: Partial<Record<Action, 'primary' | 'success' | 'danger' | 'warning' | 'info'>> = {
  read: 'info',
  create: 'success',
  update: 'primary',
  delete: 'danger',
  denied: 'danger',
  login_failed: 'warning',
};

const ENTITY_KEY: Record<string, MessageKey> = {
  person: 'audit.entity.person',
  household: 'audit.entity.household',
  facility: 'audit.entity.facility',
  area: 'audit.entity.area',
  user: 'audit.entity.user',
};

/** "Keluarga 3f23c89f" with a link where the record has a page. */
function EntityRef({ type, id }: { type: string | null; id: string | null }) {
  const { t } = useI18n();
  if (!type) return <span className="muted">–</span>;
  const label = ENTITY_KEY[type] ? t(ENTITY_KEY[type]) : type;
  const short = id ? (type === 'area' ? id : id.slice(0, 8)) : '';
  const href = !id
    ? null
    : type === 'household'
      ? `/households/${id}`
      : type === 'facility'
        ? `/facilities/${id}`
        : type === 'area'
          ? `/areas/${encodeURIComponent(id)}`
          : type === 'user'
            ? `/admin/users/${id}`
            : null;
  return (
    <span className="small nowrap">
      {label}{' '}
      {href ? (
        <Link to={href} className="mono">
          {short}
        </Link>
      ) : (
        <span className="mono muted">{short}</span>
      )}
    </span>
  );
}

/** Filter by person: type a name or NIK, pick from the matches. */
function PersonFilter({ personId, personName, onPick }: { personId: string; personName: string | null; onPick: (id: string, name: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const res = useAsync(() => (dq.length >= 2 && !personId ? searchPeople({ q: dq, pageSize: 6 }) : Promise.resolve(null)), [dq, personId]);
  if (personId) {
    return (
      <div className="field">
        <span className="label">{t('audit.person')}</span>
        <span className="badge badge-primary" style={{ alignSelf: 'flex-start', minHeight: 36, fontSize: 'var(--fs-sm)' }}>
          {personName || `${personId.slice(0, 8)}…`}
          <button type="button" className="linkbtn" onClick={() => onPick('', '')} aria-label={t('common.clearFilter')} style={{ display: 'inline-flex' }}>
            <Icon name="x" className="chev" />
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="field" style={{ position: 'relative' }}>
      <label htmlFor="audit-person">{t('audit.person')}</label>
      <input
        id="audit-person"
        className="input"
        type="search"
        autoComplete="off"
        placeholder={t('audit.personPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {res.data && (
        <ul className="list card" style={{ position: 'absolute', top: '100%', left: 0, right: 0, zIndex: 10, padding: '4px 12px', boxShadow: 'var(--shadow-lg)' }}>
          {res.data.items.length === 0 && <li className="small muted" style={{ padding: 8 }}>{t('search.noPeople', { q: dq })}</li>}
          {res.data.items.map((p) => (
            <li key={p.id} className="list-item" style={{ minHeight: 44 }}>
              <button type="button" className="linkbtn" style={{ textAlign: 'left', width: '100%' }} onClick={() => onPick(p.id, p.name)}>
                {p.name} <span className="small muted">{p.villageName ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AuditPage() {
  const me = useMe();
  const { t, dateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const f = {
    userId: params.get('userId') ?? '',
    personId: params.get('personId') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const users = useAsync(() => (me.permissions.manageUsers ? listUsers({}) : Promise.resolve({ items: [] })), []);
  const res = useAsync(
    () =>
      listAudit({
        userId: f.userId || undefined,
        personId: f.personId || undefined,
        action: f.action || undefined,
        from: f.from || undefined,
        to: f.to || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [f.userId, f.personId, f.action, f.from, f.to, page],
  );
  if (!me.permissions.viewAudit) return <Navigate to="/" replace />;

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const actionLabel = (a: string) => (a in ACTION_KEY ? t(ACTION_KEY[a as Action]) : a);
  const cols: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.when'), primary: true, render: (e) => <span className="nowrap">{dateTime(e.at)}</span> },
    {
      key: 'user',
      header: t('audit.user'),
      render: (e) => (
        <span style={{ display: 'flex', flexDirection: 'column' }}>
          <span className="nowrap">{e.username ?? '–'}</span>
          {e.ip && <span className="mono small muted nowrap">{e.ip}</span>}
        </span>
      ),
    },
    { key: 'action', header: t('audit.action'), render: (e) => <Badge tone={TONE[e.action as Action]}>{actionLabel(e.action)}</Badge> },
    {
      key: 'what',
      header: t('audit.what'),
      wide: true,
      render: (e) =>
        e.personId ? (
          <span className="nowrap">
            <Link to={`/people/${e.personId}`}>{e.personName ?? t('audit.person')}</Link>{' '}
            <button
              type="button"
              className="linkbtn small"
              title={t('audit.filterPerson')}
              aria-label={t('audit.filterPerson')}
              style={{ display: 'inline-flex', verticalAlign: 'middle', padding: 4 }}
              onClick={() => {
                const next = new URLSearchParams(params);
                next.set('personId', e.personId!);
                next.set('personName', e.personName ?? '');
                next.delete('page');
                setParams(next, { replace: true });
              }}
            >
              <Icon name="filter" className="chev" title={undefined} />
            </button>
          </span>
        ) : (
          <EntityRef type={e.entityType} id={e.entityId} />
        ),
    },
    { key: 'area', header: t('audit.area'), render: (e) => <span className="mono small nowrap">{e.areaCode ?? '–'}</span> },
  ];

  return (
    <div className="page">
      <PageHeader eyebrow={t('nav.admin')} title={t('audit.title')} sub={t('audit.sub')} />
      <div className="card">
        <div className="filters">
          <SelectField
            label={t('audit.user')}
            name="userId"
            filter
            value={f.userId}
            onValue={(v) => set('userId', v)}
            placeholder={t('common.all')}
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
          />
          <SelectField
            label={t('audit.action')}
            name="action"
            filter
            value={f.action}
            onValue={(v) => set('action', v)}
            placeholder={t('common.all')}
            options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          />
          <PersonFilter
            personId={f.personId}
            personName={params.get('personName')}
            onPick={(id, name) => {
              const next = new URLSearchParams(params);
              if (id) {
                next.set('personId', id);
                next.set('personName', name);
              } else {
                next.delete('personId');
                next.delete('personName');
              }
              next.delete('page');
              setParams(next, { replace: true });
            }}
          />
          <TextField label={t('audit.from')} name="from" type="date" filter value={f.from} onValue={(v) => set('from', v)} />
          <TextField label={t('audit.to')} name="to" type="date" filter value={f.to} onValue={(v) => set('to', v)} />
        </div>
        {(f.personId || f.userId || f.action || f.from || f.to) && (
          <div className="kv-inline" style={{ marginTop: 12 }}>
            <button type="button" className="linkbtn" onClick={() => setParams({}, { replace: true })}>
              {t('common.clearFilters')}
            </button>
          </div>
        )}
      </div>
      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <Card flush title={t('audit.entries')} count={res.data.total}>
          {res.data.items.length ? (
            <>
              <DataTable columns={cols} rows={res.data.items} rowKey={(e) => String(e.id)} testId="audit-table" />
              <div style={{ padding: 'var(--sp-3) var(--sp-4) var(--sp-4)' }}>
                <Pagination
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={res.data.total}
                  onPage={(p) => {
                    const next = new URLSearchParams(params);
                    next.set('page', String(p));
                    setParams(next);
                  }}
                />
              </div>
            </>
          ) : (
            <Empty title={t('audit.none')} icon="audit" />
          )}
        </Card>
      )}
    </div>
  );
}
