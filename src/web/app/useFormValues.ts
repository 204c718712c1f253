import { useCallback, useState, type ChangeEvent } from 'react';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * The typed values of a form. Values live here until the form is closed, so a failed save never
 * loses what the user typed.
 */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(<K extends keyof T>(name: K, value: T[K]) => setValues((current) => ({ ...current, [name]: value })), []);
  const bind = <K extends StringKeys<T>>(name: K) => ({
    name,
    value: values[name] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(name, event.target.value as T[K]),
  });
  return { values, set, bind, setValues };
}

/** '' → null for optional text the server stores as null. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
