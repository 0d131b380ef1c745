import { useI18n } from '../i18n';
import { Alert } from './ui';

/**
 * The warnings a save must confirm (NIK date/sex mismatch, possible duplicate)
 * and the explicit "I have checked, save anyway" box.
 */
export function ConfirmWarnings({ messages, checked, onChecked }: { messages: string[]; checked: boolean; onChecked: (v: boolean) => void }) {
  const { t } = useI18n();
  if (!messages.length) return null;
  return (
    <div data-testid="confirm-warnings">
      <Alert tone="warning" title={t('form.warningsTitle')}>
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
        <label className="check" style={{ marginTop: 8 }}>
          <input type="checkbox" name="confirmWarnings" checked={checked} onChange={(e) => onChecked(e.target.checked)} />
          <span>
            <strong>{t('form.confirmWarnings')}</strong>
          </span>
        </label>
      </Alert>
    </div>
  );
}
