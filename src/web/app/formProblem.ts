import { isApiError } from './api.ts';

export interface FormProblem {
  /** The server's message for one field, or undefined. */
  fieldError: (name: string) => string | undefined;
  /** What to show above the submit button, or undefined when there is nothing to say. */
  message: string | undefined;
}

const none: FormProblem = { fieldError: () => undefined, message: undefined };

/**
 * Turns a failed request into what a form shows: each `errors[]` entry next to the field named by
 * path[1], and the problem's detail as a form-level message. When every error already sits next to
 * a field, the form-level message only points at them instead of repeating them.
 */
export function formProblem(error: unknown, fields: readonly string[]): FormProblem {
  if (!error) return none;
  if (!isApiError(error)) {
    return { ...none, message: error instanceof Error ? error.message : 'Something went wrong. Please try again.' };
  }
  const byField = new Map<string, string[]>();
  let unplaced = 0;
  for (const entry of error.problem.errors) {
    const name = entry.path[1];
    if (typeof name === 'string' && fields.includes(name)) {
      // Some messages repeat the field's name ("leftOn: cannot be …"); next to the field it is noise.
      const message = entry.message.startsWith(`${name}: `) ? entry.message.slice(name.length + 2) : entry.message;
      byField.set(name, [...(byField.get(name) ?? []), message]);
    } else {
      unplaced += 1;
    }
  }
  const placed = byField.size > 0;
  let message: string | undefined = error.problem.detail;
  if (placed && unplaced === 0) {
    message = byField.size === 1 ? 'Please correct the highlighted field.' : `Please correct the ${byField.size} highlighted fields.`;
  }
  if (error.status === 429 && error.retryAfter) {
    message = `${error.problem.detail} Try again in ${formatWait(error.retryAfter)}.`;
  }
  return {
    fieldError: (name) => {
      const messages = byField.get(name);
      return messages ? [...new Set(messages)].join('; ') : undefined;
    },
    message,
  };
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/**
 * Server messages are written to follow the field's name ("must be an email address like …");
 * next to a field they read best as a sentence that starts with the label.
 */
export function fieldSentence(label: string, message: string): string {
  const first = message.charAt(0);
  if (first && first === first.toLowerCase() && first !== first.toUpperCase()) return `${label} ${message}`;
  return message;
}

/**
 * For a select the user left empty, the server's complaint is about a missing choice, whatever
 * words its validator used ("Invalid option: expected one of …").
 */
export function choiceError(problem: FormProblem, name: string, value: string): string | undefined {
  const error = problem.fieldError(name);
  return error && value === '' ? 'is required' : error;
}
