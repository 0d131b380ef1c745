import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { createUser, getUser, resetPassword, updateUser } from '../../api/admin';
import { listFacilities } from '../../api/facilities';
import { ApiError } from '../../api/client';
import type { FacilitySummary, Role, User } from '../../api/types';
import { Alert, Badge, Breadcrumbs, Card, Dialog, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { SelectField, TextField } from '../../components/Field';
import { AreaPicker } from '../../components/AreaPicker';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ROLES, ROLE_FACILITY, ROLE_LABEL } from '../../../core/access/roles';
import { FACILITY_LABEL } from '../../../core/facilities/types';
import { message } from '../../../core/i18n/messages';
import { isPhone, cleanPhone } from '../../lib/validation';
import { scopeRoot } from '../../lib/scope';
import { displayName } from '../../lib/format';

const MIN_PASSWORD = 8;
/** Mirrors the server: a manager grants only roles below their own (an admin grants all). */
const RANK: Record<Role, number> = { kader: 1, bidan: 2, petugas_klaster: 3, kepala_puskesmas: 4, dinkes: 5, admin: 6 };

export function UserFormPage() {
  const { id } = useParams();
  const me = useMe();
  const res = useAsync(async () => {
    if (!id) return null;
    return getUser(id);
  }, [id]);
  if (!me.permissions.manageUsers) return <Navigate to="/" replace />;
  if (id && res.loading && !res.data) return <Loading />;
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <UserForm existing={res.data ?? null} onSaved={(u) => res.setData(u)} key={id ?? 'new'} />;
}

function UserForm({ existing, onSaved }: { existing: User | null; onSaved: (u: User) => void }) {
  const me = useMe();
  const { t, label, locale } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const u = existing;
  const isSelf = u?.id === me.id;
  const grantable = ROLES.filter((r) => me.role === 'admin' || RANK[r] < RANK[me.role]);
  const [username, setUsername] = useState(u?.username ?? '');
  const [name, setName] = useState(u?.displayName ?? '');
  const [role, setRole] = useState<Role | ''>(u?.role ?? '');
  const [facilityId, setFacilityId] = useState(u?.facilityId ?? '');
  const [areaCode, setAreaCode] = useState(u && !u.facilityId ? u.areaCode : '');
  const [phone, setPhone] = useState(u?.phone ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [facilities, setFacilities] = useState<FacilitySummary[]>([]);
  const [resetOpen, setResetOpen] = useState(false);
  const [confirmDeactivate, setConfirmDeactivate] = useState(false);

  const needs = role ? ROLE_FACILITY[role] : null;
  useEffect(() => {
    if (!needs) {
      setFacilities([]);
      return;
    }
    let live = true;
    listFacilities({ type: needs }).then(
      (r) => live && setFacilities(r.items),
      () => live && setFacilities([]),
    );
    return () => {
      live = false;
    };
  }, [needs]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const req = message({ code: 'required' }, locale);
    const errs: Record<string, string> = {};
    if (!u) {
      if (!username.trim()) errs.username = req;
      else if (!/^[a-z0-9._-]{3,40}$/i.test(username.trim())) errs.username = t('user.usernameFormat');
      if (password.length < MIN_PASSWORD) errs.password = message({ code: 'password_too_short', params: { min: MIN_PASSWORD } }, locale);
    }
    if (name.trim().length < 2) errs.displayName = name.trim() ? message({ code: 'too_short', params: { min: 2 } }, locale) : req;
    if (!role) errs.role = req;
    if (needs && !facilityId) errs.facilityId = req;
    if (role && !needs && !areaCode) errs.areaCode = req;
    if (phone.trim() && !isPhone(phone)) errs.phone = message({ code: 'phone_format' }, locale);
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length || !role) return;
    setBusy(true);
    const binding = needs ? { facilityId, areaCode: null } : { facilityId: null, areaCode };
    try {
      if (u) {
        const saved = await updateUser(u.id, {
          displayName: name.trim(),
          ...(isSelf ? {} : { role }),
          ...binding,
          phone: phone.trim() ? cleanPhone(phone) : null,
        });
        onSaved(saved);
        toast(t('common.saved'));
      } else {
        const saved = await createUser({
          username: username.trim(),
          displayName: name.trim(),
          role,
          ...binding,
          phone: phone.trim() ? cleanPhone(phone) : null,
          password,
          locale,
        });
        toast(t('user.created'));
        navigate(`/admin/users/${saved.id}`, { replace: true });
      }
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(err.fields);
        setFormError(err.message);
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function setActive(active: boolean) {
    if (!u) return;
    setBusy(true);
    setFormError(null);
    try {
      const saved = await updateUser(u.id, { active });
      onSaved(saved);
      setConfirmDeactivate(false);
      toast(active ? t('user.activated') : t('user.deactivated'));
    } catch (err) {
      setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const title = u ? u.displayName : t('user.newTitle');
  return (
    <div className="page page-narrow">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: t('nav.users'), to: '/admin/users' }, { label: title }]} />}
        eyebrow={t('nav.admin')}
        title={title}
        sub={u ? <span className="mono">{u.username}</span> : t('user.newSub')}
        badges={u ? (u.active ? <Badge tone="success">{t('common.active')}</Badge> : <Badge tone="danger">{t('common.inactive')}</Badge>) : undefined}
        actions={
          u && !isSelf ? (
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setResetOpen(true)} data-testid="reset-password">
                <Icon name="key" />
                {t('user.resetPassword')}
              </button>
              {u.active ? (
                <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmDeactivate(true)} data-testid="deactivate">
                  <Icon name="lock" />
                  {t('user.deactivate')}
                </button>
              ) : (
                <button type="button" className="btn btn-secondary" onClick={() => void setActive(true)}>
                  {t('user.activate')}
                </button>
              )}
            </>
          ) : undefined
        }
      />
      <form className="card form" onSubmit={submit} noValidate data-testid="user-form">
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-grid">
          {!u && (
            <TextField
              label={t('login.username')}
              name="username"
              required
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              value={username}
              onValue={setUsername}
              error={errors.username}
              hint={t('user.usernameHint')}
            />
          )}
          <TextField label={t('user.name')} name="displayName" required value={name} onValue={setName} error={errors.displayName} maxLength={100} />
          <SelectField
            label={t('user.role')}
            name="role"
            required
            disabled={isSelf}
            value={role}
            onValue={(v) => {
              setRole(v as Role);
              setFacilityId('');
            }}
            placeholder={t('common.choose')}
            options={(u && !grantable.includes(u.role) ? [...grantable, u.role] : grantable).map((r) => ({ value: r, label: label(ROLE_LABEL[r]) }))}
            error={errors.role}
          />
          {needs ? (
            <SelectField
              label={t('user.facility', { type: label(FACILITY_LABEL[needs]) })}
              name="facilityId"
              required
              value={facilityId}
              onValue={setFacilityId}
              placeholder={t('common.choose')}
              options={facilities.map((f) => ({ value: f.id, label: `${f.name} — ${displayName(f.areaName)}` }))}
              error={errors.facilityId}
              hint={t('user.facilityHint')}
            />
          ) : role ? (
            <div className="span-2">
              <AreaPicker
                label={t('user.area')}
                name="areaCode"
                required
                value={areaCode}
                onChange={(c) => setAreaCode(c)}
                rootCode={scopeRoot(me)}
                allowRoot
                selectableLevels={role === 'dinkes' ? ['regency'] : undefined}
                error={errors.areaCode}
                hint={role === 'dinkes' ? t('user.areaHintDinkes') : t('user.areaHint')}
              />
            </div>
          ) : null}
          <TextField label={t('person.phone')} name="phone" type="tel" inputMode="tel" value={phone} onValue={setPhone} error={errors.phone} />
          {!u && (
            <TextField
              label={t('user.initialPassword')}
              name="password"
              type="text"
              required
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
              error={errors.password}
              hint={t('user.initialPasswordHint', { min: MIN_PASSWORD })}
            />
          )}
        </div>
        <div className="form-actions">
          <Link className="btn btn-secondary" to="/admin/users">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="btn" disabled={busy} data-testid="save">
            {busy ? t('common.saving') : u ? t('common.saveChanges') : t('user.add')}
          </button>
        </div>
      </form>

      {u && (
        <Card title={t('user.auditTitle')}>
          <p className="small">
            <Link to={`/admin/audit?userId=${u.id}`}>{t('user.auditLink', { name: u.displayName })}</Link>
          </p>
        </Card>
      )}

      <Dialog open={confirmDeactivate} onClose={() => setConfirmDeactivate(false)} title={t('user.deactivateTitle')}>
        <p>{t('user.deactivateText', { name: u?.displayName ?? '' })}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => setConfirmDeactivate(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void setActive(false)} data-testid="confirm-deactivate">
            {t('user.deactivate')}
          </button>
        </div>
      </Dialog>

      <Dialog open={resetOpen} onClose={() => setResetOpen(false)} title={t('user.resetPassword')}>
        {u && <ResetPasswordForm user={u} onDone={() => setResetOpen(false)} />}
      </Dialog>
    </div>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setError(message({ code: 'password_too_short', params: { min: MIN_PASSWORD } }, locale));
      return;
    }
    setBusy(true);
    try {
      await resetPassword(user.id, password);
      toast(t('user.passwordReset'));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError && err.fields.password ? err.fields.password : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="small muted">{t('user.resetText', { name: user.displayName })}</p>
      <TextField label={t('account.newPassword')} name="password" type="text" required autoComplete="new-password" value={password} onValue={setPassword} error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn" disabled={busy}>
          {t('user.resetPassword')}
        </button>
      </div>
    </form>
  );
}
