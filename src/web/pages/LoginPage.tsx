import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { ApiError } from '../api/client';
import { TextField } from '../components/Field';
import { Alert, LangSwitch, useErrorText } from '../components/ui';
import { BrandMark, Icon } from '../components/Icon';
import { message } from '../../core/i18n/messages';

function formatWait(seconds: number, t: ReturnType<typeof useI18n>['t']): string {
  if (seconds >= 90) return t('login.waitMinutes', { n: Math.ceil(seconds / 60) });
  return t('login.waitSeconds', { n: seconds });
}

export function LoginPage() {
  const { t, locale } = useI18n();
  const { status, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  useEffect(() => {
    if (!waitUntil) return;
    const h = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= waitUntil) setWaitUntil(null);
    }, 1000);
    return () => clearInterval(h);
  }, [waitUntil]);

  if (status === 'signed-in') return <Navigate to={target} replace />;

  const remaining = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fe: typeof fieldErrors = {};
    if (!username.trim()) fe.username = t('login.usernameRequired');
    if (!password) fe.password = t('login.passwordRequired');
    setFieldErrors(fe);
    setError(null);
    if (fe.username || fe.password) return;
    setBusy(true);
    try {
      await login(username.trim(), password);
      navigate(target, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const s = err.retryAfterSeconds ?? 60;
        setNow(Date.now());
        setWaitUntil(Date.now() + s * 1000);
      } else if (err instanceof ApiError && (err.status === 401 || err.code === 'login_failed')) {
        setError(message({ code: 'login_failed' }, locale));
        setPassword('');
      } else if (err instanceof ApiError && err.status === 400 && Object.keys(err.fields).length) {
        setFieldErrors({ username: err.fields.username, password: err.fields.password });
      } else {
        setError(errorText(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="brand">
          <BrandMark />
          Siklus
        </div>
        <p className="auth-tagline">{t('login.tagline')}</p>
        <div className="card">
          <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
            <h1 id="login-title" style={{ fontSize: 'var(--fs-xl)' }}>
              {t('login.title')}
            </h1>
            {remaining > 0 && (
              <Alert tone="warning" title={t('login.rateLimitedTitle')}>
                <span data-testid="rate-limit">{t('login.rateLimited', { wait: formatWait(remaining, t) })}</span>
              </Alert>
            )}
            {error && (
              <Alert tone="error">
                <span data-testid="login-error">{error}</span>
              </Alert>
            )}
            <TextField
              label={t('login.username')}
              name="username"
              required
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              value={username}
              onValue={setUsername}
              error={fieldErrors.username}
            />
            <div style={{ position: 'relative' }}>
              <TextField
                label={t('login.password')}
                name="password"
                required
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                value={password}
                onValue={setPassword}
                error={fieldErrors.password}
                style={{ paddingRight: 52 }}
              />
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() => setShowPassword((s) => !s)}
                aria-label={showPassword ? t('login.hidePassword') : t('login.showPassword')}
                aria-pressed={showPassword}
                style={{ position: 'absolute', right: 2, top: 28, minHeight: 40, padding: '0 10px' }}
              >
                <Icon name={showPassword ? 'eyeOff' : 'eye'} />
              </button>
            </div>
            <button type="submit" className="btn btn-block" disabled={busy || remaining > 0}>
              {busy ? t('login.signingIn') : t('login.submit')}
            </button>
          </form>
        </div>
        <div className="auth-foot">
          <span>{t('login.help')}</span>
          <LangSwitch />
        </div>
      </div>
    </div>
  );
}
