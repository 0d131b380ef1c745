import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync, useDebounced } from '../../lib/useAsync';
import { listUsers } from '../../api/admin';
import type { User } from '../../api/types';
import { Badge, Card, DataTable, Empty, ErrorState, Loading, PageHeader, type Column } from '../../components/ui';
import { SelectField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { ROLES, ROLE_LABEL } from '../../../core/access/roles';
import { displayName } from '../../lib/format';

export function UsersPage() {
  const me = useMe();
  const { t, label, dateTime } = useI18n();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('true');
  const dq = useDebounced(q.trim(), 300);
  const res = useAsync(() => listUsers({ q: dq || undefined, role: role || undefined, active: active || undefined }), [dq, role, active]);
  if (!me.permissions.manageUsers) return <Navigate to="/" replace />;

  const cols: Column<User>[] = [
    {
      key: 'name',
      header: t('user.name'),
      primary: true,
      render: (u) => (
        <span style={{ display: 'flex', flexDirection: 'column' }}>
          <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
          <span className="small muted mono" style={{ fontWeight: 400 }}>
            {u.username}
          </span>
        </span>
      ),
    },
    { key: 'role', header: t('user.role'), render: (u) => label(ROLE_LABEL[u.role]) },
    { key: 'place', header: t('user.place'), render: (u) => u.facilityName ?? (u.areaName ? displayName(u.areaName) : u.areaCode) },
    {
      key: 'status',
      header: t('user.status'),
      render: (u) => (u.active ? <Badge tone="success">{t('common.active')}</Badge> : <Badge tone="danger">{t('common.inactive')}</Badge>),
    },
    { key: 'last', header: t('user.lastLogin'), render: (u) => (u.lastLoginAt ? dateTime(u.lastLoginAt) : t('user.never')) },
  ];

  return (
    <div className="page">
      <PageHeader
        eyebrow={t('nav.admin')}
        title={t('user.listTitle')}
        sub={t('user.listSub')}
        actions={
          <Link className="btn" to="/admin/users/new" data-testid="new-user">
            <Icon name="plus" />
            {t('user.add')}
          </Link>
        }
      />
      <div className="card">
        <div className="filters">
          <div className="field">
            <label htmlFor="user-q">{t('common.search')}</label>
            <div className="searchbar">
              <div className="search-input">
                <Icon name="search" />
                <input id="user-q" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('user.searchPlaceholder')} />
              </div>
            </div>
          </div>
          <SelectField
            label={t('user.role')}
            name="role"
            filter
            value={role}
            onValue={setRole}
            placeholder={t('common.all')}
            options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABEL[r]) }))}
          />
          <SelectField
            label={t('user.status')}
            name="active"
            filter
            value={active}
            onValue={(v) => setActive(v as '' | 'true' | 'false')}
            placeholder={t('common.all')}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
          />
        </div>
      </div>
      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <Card flush title={t('user.listTitle')} count={res.data.items.length}>
          {res.data.items.length ? (
            <DataTable columns={cols} rows={res.data.items} rowKey={(u) => u.id} rowHref={(u) => `/admin/users/${u.id}`} testId="user-table" />
          ) : (
            <Empty title={t('user.none')} icon="users" />
          )}
        </Card>
      )}
    </div>
  );
}
