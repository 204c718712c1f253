import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { fieldSentence } from '../../app/formProblem.ts';

interface FieldFrameProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  className?: string | undefined;
  children: (control: { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A label, its control, a hint and the server's error for it, tied together for screen readers. */
export function Field({ label, error, hint, optional, className, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p className="field-error" id={errorId}>
          {fieldSentence(label, error)}
        </p>
      )}
      {hint && !error && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

type Common = { label: string; error?: string | undefined; hint?: ReactNode; optional?: boolean; fieldClassName?: string };

export function TextField({ label, error, hint, optional, fieldClassName, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={fieldClassName}>
      {(control) => <input className="input" {...input} {...control} />}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, optional, fieldClassName, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={fieldClassName}>
      {(control) => <textarea className="input textarea" {...textarea} {...control} />}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  error,
  hint,
  optional,
  fieldClassName,
  options,
  placeholder,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={fieldClassName}>
      {(control) => (
        <Select {...select} {...control} options={options} placeholder={placeholder} />
      )}
    </Field>
  );
}

/** A native select with the app's look; `placeholder` becomes an empty first option. */
export function Select({
  options,
  placeholder,
  className,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string | undefined }) {
  return (
    <select className={['input', 'select', className ?? ''].filter(Boolean).join(' ')} {...select}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** The form-level message: the server's detail, or a pointer to the fields marked below. */
export function FormMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="form-message" role="alert">
      {message}
    </div>
  );
}
