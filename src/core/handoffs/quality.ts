// What sales hands over at signature, and whether it is enough to start on. Pure.

export const HANDOFF_FIELDS = [
  'why_they_bought',
  'business_drivers',
  'definition_of_success',
  'promises',
  'stakeholders',
  'risks',
  'technical_environment',
  'competitors_considered',
] as const;
export type HandoffField = (typeof HANDOFF_FIELDS)[number];

export const HANDOFF_FIELD_LABELS: Record<HandoffField, string> = {
  why_they_bought: 'Why they bought',
  business_drivers: 'Business drivers',
  definition_of_success: "The customer's definition of success",
  promises: 'What was promised (features, dates, prices)',
  stakeholders: 'Stakeholders and their roles',
  risks: 'Risks',
  technical_environment: 'Technical environment',
  competitors_considered: 'Competitors considered',
};

export interface HandoffPromise {
  kind: 'feature' | 'date' | 'price' | 'other';
  what: string;
}

export interface Stakeholder {
  name: string;
  role: string;
  email?: string | undefined;
}

export interface HandoffAnswers {
  why_they_bought?: string;
  business_drivers?: string;
  definition_of_success?: string;
  promises?: HandoffPromise[];
  stakeholders?: Stakeholder[];
  risks?: string;
  technical_environment?: string;
  competitors_considered?: string;
}

export interface HandoffFlag {
  field: HandoffField;
  problem: 'missing' | 'thin';
  required: boolean;
  message: string;
}

/** Fewer words than this is a sentence fragment, not a hand-off ("budget", "see CRM"). */
export const THIN_WORDS = 8;

const words = (text: string | undefined) => (text ?? '').trim().split(/\s+/).filter(Boolean).length;
const EMPTY_ANSWERS = /^(n\/?a|none|tbd|tbc|see crm|-+|\?+|\.+)$/i;

/**
 * Flags every answer that is missing or too thin to act on. A hand-off is complete when no required answer is
 * flagged; flags on optional answers are shown but do not hold the project.
 */
export function assessHandoff(answers: HandoffAnswers, required: readonly HandoffField[]) {
  const flags: HandoffFlag[] = [];
  for (const field of HANDOFF_FIELDS) {
    const isRequired = required.includes(field);
    const label = HANDOFF_FIELD_LABELS[field];
    const value = answers[field];
    if (field === 'stakeholders' || field === 'promises') {
      const list = (value as unknown[] | undefined) ?? [];
      if (list.length === 0) flags.push({ field, problem: 'missing', required: isRequired, message: `${label}: none given` });
      else if (field === 'stakeholders' && !(list as Stakeholder[]).some((s) => s.role.trim() && s.name.trim())) {
        flags.push({ field, problem: 'thin', required: isRequired, message: `${label}: give each person's name and role` });
      } else if (field === 'stakeholders' && list.length < 2) {
        flags.push({ field, problem: 'thin', required: isRequired, message: `${label}: only one person named; who else signs off or uses it?` });
      }
      continue;
    }
    const text = (value as string | undefined)?.trim() ?? '';
    if (!text || EMPTY_ANSWERS.test(text)) {
      flags.push({ field, problem: 'missing', required: isRequired, message: `${label}: not answered` });
    } else if (words(text) < THIN_WORDS) {
      flags.push({ field, problem: 'thin', required: isRequired, message: `${label}: too short to act on (${words(text)} words); say more` });
    }
  }
  const blocking = flags.filter((flag) => flag.required);
  const answered = HANDOFF_FIELDS.length - flags.filter((flag) => flag.problem === 'missing').length;
  return { complete: blocking.length === 0, flags, blocking, score: Math.round((answered / HANDOFF_FIELDS.length) * 100) };
}
