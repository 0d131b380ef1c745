import { useState, type FormEvent } from 'react';
import { useAuth, useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { changePassword } from '../api/auth';
import { ApiError } from '../api/client';
import { Alert, Card, LangSwitch, PageHeader, useErrorText } from '../components/ui';
import { TextField } from '../components/Field';
import { Icon } from '../components/Icon';
import { useToast } from '../components/Toast';
import { ROLE_LABEL } from '../../core/access/roles';
import { placeName } from '../lib/format';
import { message } from '../../core/i18n/messages';

const MIN_PASSWORD = 8;

export function AccountPage() {
  const me = useMe();
  const { logout } = useAuth();
  const { t, label, locale } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!current) errs.currentPassword = message({ code: 'required' }, locale);
    if (next.length < MIN_PASSWORD) errs.newPassword = message({ code: 'password_too_short', params: { min: MIN_PASSWORD } }, locale);
    if (repeat !== next) errs.repeat = t('account.passwordMismatch');
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      toast(t('account.passwordChanged'));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <PageHeader title={t('account.title')} />
      <div className="grid-2">
        <Card title={t('account.who')}>
          <dl className="dl">
            <div>
              <dt>{t('account.name')}</dt>
              <dd>{me.displayName}</dd>
            </div>
            <div>
              <dt>{t('login.username')}</dt>
              <dd className="mono">{me.username}</dd>
            </div>
            <div>
              <dt>{t('account.role')}</dt>
              <dd>{label(ROLE_LABEL[me.role])}</dd>
            </div>
            {me.facility && (
              <div>
                <dt>{t('account.facility')}</dt>
                <dd>{me.facility.name}</dd>
              </div>
            )}
            <div>
              <dt>{t('account.place')}</dt>
              <dd>
                {placeName(t, me.place)}
              </dd>
            </div>
            <div>
              <dt>{t('common.language')}</dt>
              <dd>
                <LangSwitch />
              </dd>
            </div>
          </dl>
        </Card>
        <Card title={t('account.changePassword')}>
          <form className="form" onSubmit={submit} noValidate>
            {formError && <Alert tone="error">{formError}</Alert>}
            <TextField label={t('account.currentPassword')} name="currentPassword" type="password" required autoComplete="current-password" value={current} onValue={setCurrent} error={errors.currentPassword} />
            <TextField label={t('account.newPassword')} name="newPassword" type="password" required autoComplete="new-password" value={next} onValue={setNext} error={errors.newPassword} hint={t('account.passwordHint', { min: MIN_PASSWORD })} />
            <TextField label={t('account.repeatPassword')} name="repeat" type="password" required autoComplete="new-password" value={repeat} onValue={setRepeat} error={errors.repeat} />
            <div className="form-actions">
              <button type="submit" className="btn" disabled={busy}>
                {busy ? t('common.saving') : t('account.changePassword')}
              </button>
            </div>
          </form>
        </Card>
      </div>
      <div>
        <button type="button" className="btn btn-danger-outline" onClick={() => void logout()}>
          <Icon name="logout" />
          {t('nav.logout')}
        </button>
      </div>
    </div>
  );
}
