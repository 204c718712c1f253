// User onboarding journeys (issue 16): a cadence whose subject is one person who joins an account that is
// already a customer (or whose role changes). The steps are cadence steps (core/cadences/types.ts) and the
// planner is the cadences' one (core/cadences/plan.ts): day 0 is the day the journey started, and the events
// it waits for are the person's own (their role's learning path completed, or stalled).
import type { PlanStep, Sender } from '../cadences/types.ts';
import type { ContactRole } from '../people.ts';

export interface JourneyDefinition {
  name: string;
  description: string | null;
  /** Contact roles it is for; empty: any role. */
  roles: ContactRole[];
  /** Products it is written for; empty: any product. */
  products: string[];
  /** Days without progress in the learning path after which it counts as stalled (the stall check-in). */
  stallDays: number;
  steps: PlanStep[];
}

/** In a journey, 'onboarding_manager' means the account's CSM (its onboarding manager when it has no CSM). */
const CSM: Sender = { kind: 'onboarding_manager' };

const step = (seed: Pick<PlanStep, 'id' | 'name' | 'trigger' | 'subject' | 'body'> & Partial<PlanStep>): PlanStep => ({
  delayDays: 0,
  dayKind: 'business',
  sendAt: '09:00',
  channel: 'email',
  priority: 'normal',
  audience: [],
  action: null,
  sender: CSM,
  ...seed,
});

const pathLine = `{% if learningPath.assigned %}Your learning path, **{{ learningPath.title }}**, is ready: [start it here]({{ learningPath.link }}). It is short, and in the order that matters.{% else %}Your portal has everything planned for {{ account.name }}: [open it]({{ portalLink }}).{% endif %}`;

function journeySteps(key: string, welcome: { subject: string; body: string }, options: { guide: boolean; extra?: PlanStep[] }): PlanStep[] {
  return [
    step({ id: `${key}-welcome`, name: 'Day 0: welcome from the account’s CSM', trigger: { kind: 'day', day: 0 }, priority: 'high', ...welcome }),
    step({
      id: `${key}-learning`,
      name: 'Day 1: your portal and learning path',
      trigger: { kind: 'day', day: 1 },
      subject: 'Your first steps with {{ product }}',
      body: `Hi {{ contact.firstName }},

${pathLine}

Sign in with this email address: the portal sends you a link, no password to remember.`,
    }),
    ...(options.guide
      ? [
          step({
            id: `${key}-guide`,
            name: 'Day 2: meet your guide',
            trigger: { kind: 'day', day: 2 },
            subject: '{% if guide.assigned %}Meet {{ guide.name }}, your guide at {{ account.name }}{% else %}Who to ask at {{ account.name }}{% endif %}',
            body: `Hi {{ contact.firstName }},

{% if guide.assigned %}{{ guide.name }} knows {{ product }} inside out at {{ account.name }} and has agreed to be your guide for your first weeks. Ask them anything: {{ guide.email }}.{% else %}Reply to this email with any question: I will answer, or find who at {{ account.name }} can.{% endif %}`,
          }),
        ]
      : []),
    ...(options.extra ?? []),
    step({
      id: `${key}-path-done`,
      name: 'Check-in: learning path completed',
      trigger: { kind: 'event', event: 'path_completed' },
      priority: 'high',
      subject: 'Well done, {{ contact.firstName }}: how is {{ product }} going?',
      body: `Hi {{ contact.firstName }},

You finished {% if learningPath.assigned %}**{{ learningPath.title }}**{% else %}your learning path{% endif %}. Congratulations.
How is {{ product }} working for you so far? Reply to this email: I read every answer.`,
    }),
    step({
      id: `${key}-stalled`,
      name: 'Check-in: learning path stalled',
      trigger: { kind: 'event', event: 'path_stalled' },
      subject: 'Can I help, {{ contact.firstName }}?',
      body: `Hi {{ contact.firstName }},

Your learning path has not moved for a while. That is normal when work is busy. {% if learningPath.assigned %}[Pick up where you left off]({{ learningPath.link }}){% endif %}{% if guide.assigned %}, or ask {{ guide.name }} ({{ guide.email }}) for ten minutes{% endif %}.
Or reply here with what is in the way.`,
    }),
  ];
}

export const BUILTIN_JOURNEYS: (JourneyDefinition & { key: string })[] = [
  {
    key: 'journey-champion',
    name: 'New champion',
    description: 'For a new champion (or the successor of one who left): a welcome from the CSM, the portal and the champion path, their guide, and check-ins when the path is done or stalls.',
    roles: ['champion'],
    products: [],
    stallDays: 10,
    steps: journeySteps(
      'journey-champion',
      {
        subject: 'Welcome, {{ contact.firstName }}: you are {{ account.name }}’s champion for {{ product }}',
        body: `Hi {{ contact.firstName }},

I am {{ onboardingManager.name }}, {{ account.name }}’s customer success manager. As champion you are the person your team turns to about {{ product }}, and I am yours.
Over the next days you will get your portal access, your learning path and an introduction to the people who already know {{ product }} at {{ account.name }}.`,
      },
      {
        guide: true,
        extra: [
          step({
            id: 'journey-champion-call',
            name: 'Day 5: a call with your CSM',
            trigger: { kind: 'day', day: 5 },
            subject: '20 minutes to plan the next quarter?',
            body: `Hi {{ contact.firstName }},

Could we find 20 minutes this week? I would like to hear what {{ account.name }} wants from {{ product }} next, and share what teams like yours do at this stage.`,
          }),
        ],
      },
    ),
  },
  {
    key: 'journey-admin',
    name: 'New admin',
    description: 'For a new administrator: welcome, portal and the admin path, their guide, check-ins.',
    roles: ['admin'],
    products: [],
    stallDays: 10,
    steps: journeySteps(
      'journey-admin',
      {
        subject: 'Welcome, {{ contact.firstName }}: administering {{ product }} at {{ account.name }}',
        body: `Hi {{ contact.firstName }},

I am {{ onboardingManager.name }}, {{ account.name }}’s customer success manager. As an administrator you keep {{ product }} in shape for everyone: users, permissions, connections.
Your portal access and learning path follow in the next days.`,
      },
      { guide: true },
    ),
  },
  {
    key: 'journey-executive-sponsor',
    name: 'New executive sponsor',
    description: 'For a new executive sponsor: a welcome and an offer to review outcomes with the CSM; no guide.',
    roles: ['executive_sponsor'],
    products: [],
    stallDays: 15,
    steps: journeySteps(
      'journey-executive-sponsor',
      {
        subject: 'Welcome, {{ contact.firstName }}: {{ product }} at {{ account.name }}',
        body: `Dear {{ contact.firstName }},

I am {{ onboardingManager.name }}, {{ account.name }}’s customer success manager. I would value 30 minutes with you to go through what {{ product }} is doing for {{ account.name }} and the outcomes that matter to you.`,
      },
      { guide: false },
    ),
  },
  {
    key: 'journey-super-user',
    name: 'New super-user',
    description: 'For a new super-user: welcome, the super-user path (its certificate makes them a guide), check-ins.',
    roles: ['super_user'],
    products: [],
    stallDays: 10,
    steps: journeySteps(
      'journey-super-user',
      {
        subject: 'Welcome, {{ contact.firstName }}: becoming {{ account.name }}’s {{ product }} expert',
        body: `Hi {{ contact.firstName }},

Super-users are the people new colleagues learn {{ product }} from. Your path ends with a certificate; once certified, new users at {{ account.name }} are introduced to you as their guide.`,
      },
      { guide: true },
    ),
  },
  {
    key: 'journey-end-user',
    name: 'New user',
    description: 'For every other new user: welcome, portal and learning path, an introduction to their guide (a super-user), check-ins.',
    roles: ['end_user', 'project_lead'],
    products: [],
    stallDays: 10,
    steps: journeySteps(
      'journey-end-user',
      {
        subject: 'Welcome to {{ product }}, {{ contact.firstName }}',
        body: `Hi {{ contact.firstName }},

Welcome to {{ product }} at {{ account.name }}. I am {{ onboardingManager.name }}, and I make sure {{ account.name }} gets the most from it.
Tomorrow: your portal and a short learning path. The day after: a colleague who will be your guide.`,
      },
      { guide: true },
    ),
  },
];

/** The journey for a person: their role must be among its roles (or it has none); a product match beats a general one; then the oldest. */
export function chooseJourney<T extends { roles: string[]; products: string[] }>(journeys: T[], role: string, products: string[]): T | undefined {
  const score = (journey: T) => {
    if (journey.roles.length > 0 && !journey.roles.includes(role)) return -1;
    const roleScore = journey.roles.length > 0 ? 2 : 1;
    if (journey.products.length === 0) return roleScore;
    return journey.products.some((product) => products.includes(product)) ? roleScore + 2 : -1;
  };
  return journeys
    .map((journey, index) => ({ journey, score: score(journey), index }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)[0]?.journey;
}
