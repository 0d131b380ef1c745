import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Icon } from './Icon';
import { useI18n } from '../i18n';

interface FieldProps {
  label: ReactNode;
  /** the form field name, also the test id of the message lines */
  name: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  warnings?: string[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
  /** renders the label as text (for radio groups) */
  group?: boolean;
  /** a filter, not a form field: no required/optional mark */
  filter?: boolean;
}

/** Label, control, hint, error and warnings, wired with ids for screen readers. */
export function Field({ label, name, required, hint, error, warnings, children, className, group, filter }: FieldProps) {
  const { t } = useI18n();
  const id = `f-${name}-${useId().replace(/:/g, '')}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const warnId = warnings && warnings.length ? `${id}-warn` : undefined;
  const describedBy = [errId, warnId, hintId].filter(Boolean).join(' ') || undefined;
  const labelBody = (
    <>
      {label}
      {filter ? null : required ? (
        <span className="req" aria-hidden="true">
          *
        </span>
      ) : (
        <span className="optional"> ({t('common.optional')})</span>
      )}
    </>
  );
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-field={name}>
      {group ? (
        <span className="label" id={`${id}-label`}>
          {labelBody}
        </span>
      ) : (
        <label htmlFor={id}>{labelBody}</label>
      )}
      {children({ id, describedBy, invalid: !!error })}
      {error && (
        <p className="field-error" id={errId} data-testid={`error-${name}`}>
          <Icon name="alertCircle" />
          <span>{error}</span>
        </p>
      )}
      {warnings?.map((w, i) => (
        <p className="field-warning" key={i} id={i === 0 ? warnId : undefined} data-testid={`warning-${name}`}>
          <Icon name="alert" />
          <span>{w}</span>
        </p>
      ))}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  value: string;
  onValue: (v: string) => void;
};

export function TextField({
  label, name, required, hint, error, warnings, className, value, onValue, mono, filter, ...rest
}: Omit<FieldProps, 'children'> & InputProps & { mono?: boolean }) {
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error} warnings={warnings} className={className} filter={filter}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          className={`input${mono ? ' input-mono' : ''}${warnings && warnings.length && !invalid ? ' has-warning' : ''}`}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          {...rest}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label, name, required, hint, error, className, value, onValue, ...rest
}: Omit<FieldProps, 'children'> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & { value: string; onValue: (v: string) => void }) {
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={name}
          className="textarea"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          {...rest}
        />
      )}
    </Field>
  );
}

export function SelectField({
  label, name, required, hint, error, className, value, onValue, options, placeholder, filter, ...rest
}: Omit<FieldProps, 'children'> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string;
    onValue: (v: string) => void;
    options: { value: string; label: string }[];
    placeholder?: string;
  }) {
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error} className={className} filter={filter}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          className="select"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          {...rest}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function RadioGroupField({
  label, name, required, error, value, onValue, options, className,
}: Omit<FieldProps, 'children'> & { value: string; onValue: (v: string) => void; options: { value: string; label: string }[] }) {
  return (
    <Field label={label} name={name} required={required} error={error} className={className} group>
      {({ id, describedBy, invalid }) => (
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {options.map((o) => (
            <label key={o.value}>
              <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
      )}
    </Field>
  );
}
