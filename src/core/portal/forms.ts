// A task's form: the fields a customer fills in (defined on the task by the vendor), and the check of
// their answers. Pure: the server stores what this accepts, the portal shows the same messages.

export const FORM_FIELD_TYPES = ['text', 'choice', 'date', 'number', 'yes_no', 'file'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
  /** Stable key of the answer ("admin_email"). */
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** For a choice. */
  options?: string[];
  help?: string;
}

export type FormAnswer = string | number | boolean | null;
export type FormAnswers = Record<string, FormAnswer>;

export interface FormProblem {
  path: (string | number)[];
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a form's definition (keys unique and well-formed, choices with options). */
export function checkFormDefinition(fields: FormField[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    if (!/^[a-z][a-z0-9_]{0,59}$/.test(field.key)) {
      problems.push({ path: [index, 'key'], message: 'use lowercase letters, digits and _ (starting with a letter)' });
    } else if (seen.has(field.key)) {
      problems.push({ path: [index, 'key'], message: `"${field.key}" is used by another field` });
    }
    seen.add(field.key);
    if (!field.label.trim()) problems.push({ path: [index, 'label'], message: 'a field needs a label' });
    if (field.type === 'choice') {
      const options = field.options ?? [];
      if (options.length < 2) problems.push({ path: [index, 'options'], message: 'a choice needs at least two options' });
      if (new Set(options).size !== options.length) problems.push({ path: [index, 'options'], message: 'options must differ' });
    }
  });
  return problems;
}

/**
 * Checks answers against the fields and returns them normalised (numbers as numbers, blanks as null).
 * Files are answered by uploading to the task: a file field's answer is the uploaded file's id, set by
 * the upload itself, so it is only checked for presence here (`uploadedFileKeys`).
 */
export function checkAnswers(
  fields: FormField[],
  answers: Record<string, unknown>,
  uploadedFileKeys: ReadonlySet<string>,
): { values: FormAnswers; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const values: FormAnswers = {};
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ path: [key], message: 'is not a field of this form' });
  }
  for (const field of fields) {
    const raw = answers[field.key];
    const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (field.type === 'file') {
      if (field.required && !uploadedFileKeys.has(field.key)) problems.push({ path: [field.key], message: `${field.label}: upload a file` });
      continue;
    }
    if (blank) {
      if (field.required) problems.push({ path: [field.key], message: `${field.label}: an answer is required` });
      values[field.key] = null;
      continue;
    }
    switch (field.type) {
      case 'text':
        if (typeof raw !== 'string') problems.push({ path: [field.key], message: `${field.label}: expected text` });
        else if (raw.length > 5000) problems.push({ path: [field.key], message: `${field.label}: at most 5,000 characters` });
        else values[field.key] = raw.trim();
        break;
      case 'choice':
        if (typeof raw !== 'string' || !(field.options ?? []).includes(raw)) {
          problems.push({ path: [field.key], message: `${field.label}: choose one of ${(field.options ?? []).join(', ')}` });
        } else values[field.key] = raw;
        break;
      case 'date':
        if (typeof raw !== 'string' || !ISO_DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
          problems.push({ path: [field.key], message: `${field.label}: expected a date (YYYY-MM-DD)` });
        } else values[field.key] = raw;
        break;
      case 'number': {
        const number = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
        if (!Number.isFinite(number)) problems.push({ path: [field.key], message: `${field.label}: expected a number` });
        else values[field.key] = number;
        break;
      }
      case 'yes_no':
        if (typeof raw !== 'boolean') problems.push({ path: [field.key], message: `${field.label}: answer yes or no` });
        else values[field.key] = raw;
        break;
    }
  }
  return { values, problems };
}
