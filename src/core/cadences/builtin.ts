// The built-in cadences (shared/DOMAIN.md, "Communication cadence"): a digital-touch drip, a medium-touch
// rhythm led by the onboarding manager, and the high-touch weekly status digest. Workspaces edit copies.
import type { CadenceDefinition, CadenceStep, Sender } from './types.ts';

const CCO: Sender = { kind: 'persona', name: 'Morgan Lee', title: 'Chief Customer Officer', signature: 'Morgan Lee\nChief Customer Officer' };
const MANAGER: Sender = { kind: 'onboarding_manager' };

type StepSeed = Omit<CadenceStep, 'delayDays' | 'sendAt' | 'channel' | 'priority' | 'audience' | 'dayKind' | 'action'> &
  Partial<Pick<CadenceStep, 'delayDays' | 'sendAt' | 'channel' | 'priority' | 'audience' | 'dayKind' | 'action'>>;

// Every built-in step counts business days: "day 3" is the third working day after day 0, holidays skipped.
const step = (seed: StepSeed, audience: CadenceStep['audience']): CadenceStep => ({
  delayDays: 0,
  dayKind: 'business',
  sendAt: '09:00',
  channel: 'email',
  priority: 'normal',
  audience,
  action: null,
  ...seed,
});

/** The people who set the product up. */
const ONBOARDING_PEOPLE: CadenceStep['audience'] = ['champion', 'project_lead', 'admin'];
/** Empty: every active contact of the account, end users included. */
const EVERYONE: CadenceStep['audience'] = [];

const nextTasks = `{% if nextCustomerTasks.size > 0 %}
**Your next steps**

{% for task in nextCustomerTasks %}- {{ task.title }}{% if task.due %} (by {{ task.due }}){% endif %}
{% endfor %}{% endif %}`;

const DIGITAL_STEPS: CadenceStep[] = [
  step(
    {
      id: 'digital-welcome',
      action: 'cadence.welcome_sent',
      name: 'Day 0: welcome from the Chief Customer Officer',
      trigger: { kind: 'day', day: 0 },
      sender: CCO,
      priority: 'high',
      subject: 'Welcome to {{ product }}, {{ contact.firstName }}',
      body: `Hi {{ contact.firstName }},

Thank you for choosing {{ product }}. Everyone here wants {{ account.name }} to get real value from it, quickly.
Over the next weeks we will send you short, focused notes: one thing at a time, in the order that matters.

Your onboarding plan, with every step and its date, is here: [your onboarding portal]({{ portalLink }}).
${nextTasks}`,
    },
    ['champion', 'project_lead', 'admin', 'executive_sponsor'],
  ),
  step(
    {
      id: 'digital-day-1',
      name: 'Day 1: sign in and set up',
      trigger: { kind: 'day', day: 1 },
      sender: MANAGER,
      goal: { taskKey: 'first_sign_in' },
      subject: 'Your first ten minutes with {{ product }}',
      body: `Hi {{ contact.firstName }},

The quickest start: sign in, name your workspace and open the setup checklist. It takes about ten minutes.

[Open your onboarding plan]({{ portalLink }})`,
    },
    ONBOARDING_PEOPLE,
  ),
  step(
    {
      id: 'digital-day-3',
      name: 'Day 3: pick the outcome you want',
      trigger: { kind: 'day', day: 3 },
      sender: MANAGER,
      goal: { taskKey: 'choose_goals' },
      subject: 'What should {{ product }} change for {{ account.name }}?',
      body: `Hi {{ contact.firstName }},

Teams that name one outcome in their first week reach it sooner. Pick yours (and where you stand today) in the portal.

[Choose your success metrics]({{ portalLink }})`,
    },
    ONBOARDING_PEOPLE,
  ),
  step(
    {
      id: 'digital-day-5',
      name: 'Day 5: connect your tools',
      trigger: { kind: 'day', day: 5 },
      sender: MANAGER,
      goal: { taskKey: 'connect_tools' },
      subject: 'Connect the tools {{ account.name }} already uses',
      body: `Hi {{ contact.firstName }},

You get the most from {{ product }} when it sees your email, calendar and CRM. Switch the connectors on from the setup checklist.
${nextTasks}`,
    },
    ONBOARDING_PEOPLE,
  ),
  step(
    {
      id: 'digital-day-7',
      name: 'Day 7: invite your team',
      trigger: { kind: 'day', day: 7 },
      sender: MANAGER,
      goal: { taskKey: 'invite_team' },
      subject: 'Bring your team into {{ product }}',
      body: `Hi {{ contact.firstName }},

{% if daysToGoLive %}You are {{ daysToGoLive }} {% if daysToGoLive == 1 %}day{% else %}days{% endif %} from go-live. {% endif %}Invite the people who will use {{ product }} every day: they get a guided first session.

[See your plan]({{ portalLink }})`,
    },
    ['champion', 'admin'],
  ),
  step(
    {
      id: 'digital-webinar',
      name: 'Webinar invitation',
      trigger: { kind: 'day', day: 12 },
      sender: MANAGER,
      subject: 'Live this week: getting the most from {{ product }}',
      body: `Hi {{ contact.firstName }},

Join our weekly live session for new customers: 45 minutes, real questions answered, recordings for the team.

[Save your seat]({{ portalLink }})`,
    },
    EVERYONE,
  ),
  step(
    {
      id: 'digital-community',
      name: 'Community',
      trigger: { kind: 'day', day: 20 },
      sender: MANAGER,
      priority: 'low',
      subject: 'Meet other teams who use {{ product }}',
      body: `Hi {{ contact.firstName }},

Our community is where customers trade templates and answers. Ask a question there and most get a reply within the hour.`,
    },
    EVERYONE,
  ),
  step(
    {
      id: 'digital-support-tips',
      name: 'Proactive support tips',
      trigger: { kind: 'day', day: 30 },
      sender: MANAGER,
      priority: 'low',
      subject: 'Three things teams like {{ account.name }} fix in month two',
      body: `Hi {{ contact.firstName }},

1. Roles and permissions that were right for the pilot, but not for everyone.
2. Notifications: fewer, better.
3. Reports your leaders will ask for: set them up now.`,
    },
    ['champion', 'admin'],
  ),
  step(
    {
      id: 'digital-wrap-up',
      name: 'Onboarding wrap-up (around day 60)',
      trigger: { kind: 'day', day: 40 },
      sender: CCO,
      subject: 'How is {{ product }} working for {{ account.name }}?',
      body: `Hi {{ contact.firstName }},

Your onboarding is nearly complete. Tell us in the portal where your success metrics stand: it is how we know we did our job.

[Update your metrics]({{ portalLink }})`,
    },
    ['champion', 'project_lead', 'executive_sponsor'],
  ),
  step(
    {
      id: 'digital-stalled',
      name: 'Nudge when the project stalls',
      trigger: { kind: 'event', event: 'project_stalled' },
      sender: MANAGER,
      priority: 'high',
      subject: 'Can we help, {{ contact.firstName }}?',
      body: `Hi {{ contact.firstName }},

Nothing has moved in your onboarding for two weeks. That is normal when people are busy, and we can help.
${nextTasks}
Reply to this email, or book 15 minutes with {{ onboardingManager.name }}.`,
    },
    ['champion', 'admin'],
  ),
  step(
    {
      id: 'digital-new-contact',
      name: 'Welcome a contact added later',
      trigger: { kind: 'event', event: 'contact_added' },
      sender: MANAGER,
      subject: 'Welcome to the onboarding of {{ product }} at {{ account.name }}',
      body: `Hi {{ contact.firstName }},

You have joined {{ account.name }}'s onboarding of {{ product }}. Everything planned, and who does what, is here: [the onboarding plan]({{ portalLink }}).`,
    },
    [],
  ),
];

const MEDIUM_STEPS: CadenceStep[] = [
  step(
    {
      id: 'medium-welcome',
      action: 'cadence.welcome_sent',
      name: 'Day 0: welcome from your onboarding manager',
      trigger: { kind: 'day', day: 0 },
      sender: MANAGER,
      priority: 'high',
      subject: 'Welcome, {{ contact.firstName }}: your onboarding of {{ product }} starts today',
      body: `Hi {{ contact.firstName }},

{% if onboardingManager.assigned %}I am {{ onboardingManager.name }}, and I will guide{% else %}We will guide{% endif %} {{ account.name }} from today to go-live{% if goLiveDate %} (planned for {{ goLiveDate }}){% endif %}.
{% if onboardingManager.assigned %}I{% else %}We{% endif %} will send you a time for our kickoff call shortly.
${nextTasks}`,
    },
    ['champion', 'project_lead'],
  ),
  step(
    {
      id: 'medium-kickoff-prep',
      name: 'Day 2: prepare the kickoff',
      trigger: { kind: 'day', day: 2 },
      sender: MANAGER,
      goal: { milestone: 'kickoff' },
      subject: 'Before our kickoff: three questions',
      body: `Hi {{ contact.firstName }},

To make our kickoff count: who will use {{ product }} first, what does success look like in 90 days, and what could get in the way?`,
    },
    ['champion', 'project_lead'],
  ),
  step(
    {
      id: 'medium-training',
      name: 'Day 10: training plan',
      trigger: { kind: 'day', day: 10 },
      sender: MANAGER,
      subject: 'Training for your team',
      body: `Hi {{ contact.firstName }},

Here are the courses for each role in your team, self-paced or live. [See the plan]({{ portalLink }}).`,
    },
    ['champion', 'project_lead', 'admin'],
  ),
  step(
    {
      id: 'medium-go-live',
      name: 'Go-live reached',
      trigger: { kind: 'event', event: 'milestone_reached', milestone: 'go_live' },
      sender: MANAGER,
      subject: 'Congratulations: {{ account.name }} is live on {{ product }}',
      body: `Hi {{ contact.firstName }},

Congratulations: your team is live. Next we look for the first outcome you can see, together.`,
    },
    ['champion', 'project_lead', 'executive_sponsor'],
  ),
  step(
    {
      id: 'medium-stalled',
      name: 'Nudge when the project stalls',
      trigger: { kind: 'event', event: 'project_stalled' },
      sender: MANAGER,
      priority: 'high',
      subject: 'Let us get {{ account.name }} moving again',
      body: `Hi {{ contact.firstName }},

Our plan has not moved for two weeks.
${nextTasks}
Could we find 20 minutes this week?`,
    },
    ['champion', 'project_lead'],
  ),
];

const HIGH_STEPS: CadenceStep[] = [
  step(
    {
      id: 'high-welcome',
      action: 'cadence.welcome_sent',
      name: 'Day 0: welcome from the Chief Customer Officer',
      trigger: { kind: 'day', day: 0 },
      sender: CCO,
      priority: 'high',
      subject: 'Welcome to {{ product }}, {{ account.name }}',
      body: `Dear {{ contact.firstName }},

Thank you for your trust. Your onboarding is led by {{ onboardingManager.name }}, who will be in touch today to plan the kickoff.
Every week you will receive a short status of the project: what moved, what is next, and how far go-live is.`,
    },
    ['executive_sponsor', 'project_lead'],
  ),
  step(
    {
      id: 'high-weekly-digest',
      name: 'Weekly status digest',
      trigger: { kind: 'weekly', weekday: 1, fromDay: 3, untilDay: 90 },
      sender: MANAGER,
      priority: 'high',
      goal: { milestone: 'onboarding_complete' },
      subject: 'Your onboarding this week: {{ account.name }}',
      // One digest a week per person: every project of theirs that follows this step, each in its own section.
      body: `Hi {{ contact.firstName }},
{% for p in projects %}
**[{{ p.name }}]({{ p.portalLink }})**{% if p.goLiveDate and p.daysToGoLive != null %}: go-live {{ p.goLiveDate }} ({% if p.daysToGoLive == 0 %}today{% elsif p.daysToGoLive == 1 %}1 day to go{% else %}{{ p.daysToGoLive }} days to go{% endif %}){% endif %}
{% if p.nextCustomerTasks.size > 0 %}
{% for task in p.nextCustomerTasks %}- {{ task.title }}{% if task.due %} (by {{ task.due }}){% endif %}
{% endfor %}{% endif %}{% endfor %}
Every plan, with every date, is in the portal.`,
    },
    ['project_lead', 'executive_sponsor'],
  ),
  step(
    {
      id: 'high-go-live',
      name: 'Go-live reached',
      trigger: { kind: 'event', event: 'milestone_reached', milestone: 'go_live' },
      sender: CCO,
      subject: 'Congratulations on going live, {{ account.name }}',
      body: `Dear {{ contact.firstName }},

Your teams are live on {{ product }}. Thank you for the work that took. Our next goal together: the outcomes in your success plan.`,
    },
    ['executive_sponsor', 'project_lead', 'champion'],
  ),
];

export const BUILTIN_CADENCES: (CadenceDefinition & { key: string })[] = [
  {
    key: 'digital',
    name: 'Digital touch: day 0, then business days 1, 3, 5 and 7',
    description:
      'A welcome from the Chief Customer Officer on day 0 to the champion, admin, project lead and sponsor; focused steps on business days 1, 3, 5 and 7 (weekends and holidays do not count); a webinar and the community for every contact, end users included; support tips; a wrap-up for the champion and the sponsor before day 60. A nudge when the project stalls.',
    touchModels: ['digital'],
    products: [],
    steps: DIGITAL_STEPS,
  },
  {
    key: 'medium',
    name: 'Medium touch: guided by the onboarding manager',
    description: 'A personal welcome, kickoff preparation, a training plan, go-live congratulations and a nudge when things stall.',
    touchModels: ['medium'],
    products: [],
    steps: MEDIUM_STEPS,
  },
  {
    key: 'high',
    name: 'High touch: weekly status digest',
    description: 'Meetings carry high-touch onboarding; email adds a welcome from the Chief Customer Officer and a weekly status digest to the project lead and the sponsor.',
    touchModels: ['high'],
    products: [],
    steps: HIGH_STEPS,
  },
];

/** The cadence for an account: its touch model must match; a product match beats a general cadence. */
export function chooseCadence<T extends { touchModels: string[]; products: string[] }>(
  cadences: T[],
  account: { touchModel: string; products: string[] },
  product: string | null,
): T | undefined {
  const wanted = product ? [product] : account.products;
  const score = (cadence: T) => {
    if (cadence.touchModels.length > 0 && !cadence.touchModels.includes(account.touchModel)) return -1;
    if (cadence.products.length === 0) return 1;
    return cadence.products.some((p) => wanted.includes(p)) ? 2 : -1;
  };
  return cadences
    .map((cadence) => ({ cadence, score: score(cadence) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)[0]?.cadence;
}
