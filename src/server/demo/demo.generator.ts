import {
  DEFAULT_TOUCH_MODEL,
  type Complexity,
  type ContactRole,
  type LaerStage,
  type OrganizationKind,
  type OwnerRole,
  type Segment,
  type TouchModel,
} from '../../core/people.ts';
import {
  CONTRACT_VALUE,
  FIRST_NAMES,
  GENERIC_TITLES,
  INDUSTRIES,
  LAST_NAMES,
  PRODUCTS,
  ROOTS,
  TIMEZONES,
  type Industry,
} from './demo.catalogue.ts';

/**
 * The mail domain of a demo company's people: reserved by RFC 2606 (".example"), so a demo started with SMTP_URL
 * set never emails a real person (redstonecollege.edu → redstonecollege.example).
 */
export const demoMailDomain = (domain: string) => `${domain.replace(/\.[a-z]+$/, '')}.example`;

// Made-up customers that look like a real vendor's book: plain data from a seeded PRNG, no I/O,
// so the same seed and the same day give the same accounts.

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  chance(probability: number): boolean;
  /** A few distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: tiny, fast and good enough for made-up data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (choices) => {
      let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
    chance: (probability) => next() < probability,
    sample: (items, count) => {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [pool[index], pool[other]] = [pool[other]!, pool[index]!];
      }
      return pool.slice(0, count);
    },
  };
}

const DAY_MS = 86_400_000;
const toDate = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const addDays = (iso: string, days: number) => new Date(toDate(iso) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((toDate(to) - toDate(from)) / DAY_MS);
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4).replace('-02-29', '-02-28')}`;
const minDate = (a: string, b: string) => (a < b ? a : b);

export interface GeneratedContact {
  name: string;
  email: string;
  title: string;
  role: ContactRole;
  joinedOn: string;
  leftOn: string | null;
  /** Index into the account's organizations, when the contact belongs to one. */
  organization: number | null;
}

export interface GeneratedOrganization {
  name: string;
  kind: OrganizationKind;
  startedOn: string;
}

export interface GeneratedAccount {
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  touchModel: TouchModel;
  complexity: Complexity;
  contractValue: number;
  currency: string;
  contractSignedOn: string;
  renewalOn: string;
  products: string[];
  timezone: string;
  laerStage: LaerStage;
  owners: { role: OwnerRole; memberId: string }[];
  organizations: GeneratedOrganization[];
  contacts: GeneratedContact[];
}

export interface GeneratorOptions {
  seed: number;
  /** Today's date in the workspace's timezone (YYYY-MM-DD): ages and stages are counted from it. */
  today: string;
  /** The members who can own accounts, by role. */
  team: Partial<Record<OwnerRole, string[]>>;
  /** Contacts per account (before successors and organization members); by segment when omitted. */
  contactsPerAccount?: { min: number; max: number };
}

const SEGMENT_MIX: [Segment, number][] = [
  ['smb', 50],
  ['mid_market', 33],
  ['enterprise', 17],
];

const COMPLEXITY_MIX: Record<Segment, [Complexity, number][]> = {
  enterprise: [['high', 50], ['moderate', 40], ['low', 10]],
  mid_market: [['high', 25], ['moderate', 50], ['low', 25]],
  smb: [['high', 5], ['moderate', 35], ['low', 60]],
};

const CONTACTS_BY_SEGMENT: Record<Segment, { min: number; max: number }> = {
  enterprise: { min: 5, max: 8 },
  mid_market: { min: 3, max: 6 },
  smb: { min: 2, max: 4 },
};

/** Days from signature until a customer typically leaves Land for Adopt. */
const LAND_DAYS: Record<Segment, number> = { smb: 45, mid_market: 75, enterprise: 110 };
const COMPLEXITY_DAYS: Record<Complexity, number> = { high: 30, moderate: 0, low: -15 };

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Pacific', 'Atlantic', 'Midwest'];

/** Yearly turnover in tech and retail is about 13% (DOMAIN.md). */
const YEARLY_TURNOVER = 0.13;

/** Yields one made-up account after another; names stay unique within one generator. */
export function accountGenerator(options: GeneratorOptions) {
  const random = seededRandom(options.seed);
  const usedNames = new Set<string>();

  function companyName(industry: Industry): string {
    for (let attempt = 0; attempt < 6; attempt++) {
      const name = random.pick(industry.names)(random.pick(ROOTS));
      if (!usedNames.has(name)) return claim(name);
    }
    const base = random.pick(industry.names)(random.pick(ROOTS));
    for (const region of REGIONS) {
      if (!usedNames.has(`${base} ${region}`)) return claim(`${base} ${region}`);
    }
    for (let n = 2; ; n++) if (!usedNames.has(`${base} ${n}`)) return claim(`${base} ${n}`);
  }
  const claim = (name: string) => (usedNames.add(name), name);

  function signedOn(): string {
    // Most customers signed in the last six months, some are about to sign, a tail are older (expanding, renewing).
    const kind = random.weighted([
      ['recent', 78],
      ['upcoming', 7],
      ['older', 15],
    ] as const);
    if (kind === 'upcoming') return addDays(options.today, random.int(3, 30));
    if (kind === 'older') return addDays(options.today, -random.int(181, 540));
    return addDays(options.today, -random.int(0, 180));
  }

  function contractValue(segment: Segment): number {
    const { min, max, step } = CONTRACT_VALUE[segment];
    // Log-uniform: many smaller deals, a few big ones.
    const value = min * Math.pow(max / min, random.next());
    return Math.round(value / step) * step;
  }

  function laerStage(segment: Segment, complexity: Complexity, age: number, renewalIn: number, products: number): LaerStage {
    if (age < LAND_DAYS[segment] + COMPLEXITY_DAYS[complexity]) return 'land';
    if (age >= 270 && renewalIn <= 90) return 'renew';
    if (age >= 200 && products >= 2 && random.chance(0.45)) return 'expand';
    return 'adopt';
  }

  function owners(segment: Segment, complexity: Complexity, stage: LaerStage) {
    const roles: OwnerRole[] = ['onboarding_manager', 'sales'];
    if (stage !== 'land' || segment === 'enterprise') roles.push('csm');
    if (segment === 'enterprise' || (segment === 'mid_market' && complexity === 'high')) roles.push('implementation_manager');
    return roles.flatMap((role) => {
      const candidates = options.team[role];
      return candidates?.length ? [{ role, memberId: random.pick(candidates) }] : [];
    });
  }

  function contactRoles(segment: Segment, count: number): ContactRole[] {
    const order: ContactRole[] =
      segment === 'smb' ? ['champion', 'admin', 'end_user', 'project_lead'] : ['champion', 'executive_sponsor', 'project_lead', 'admin'];
    return Array.from({ length: count }, (_, index) => order[index] ?? 'end_user');
  }

  function contactPeople(domain: string, industry: Industry) {
    // The account keeps its realistic domain; its people's addresses are on a reserved one, so mail never reaches anyone.
    const convention = random.weighted([
      ['first.last', 60],
      ['flast', 30],
      ['first', 10],
    ] as const);
    const used = new Set<string>();
    return (role: ContactRole) => {
      for (;;) {
        const first = random.pick(FIRST_NAMES);
        const last = random.pick(LAST_NAMES);
        const [f, l] = [first, last].map((part) => part.toLowerCase().replace(/[^a-z]/g, '')) as [string, string];
        const local = convention === 'first.last' ? `${f}.${l}` : convention === 'flast' ? `${f[0]}${l}` : f;
        const email = `${local}@${demoMailDomain(domain)}`;
        if (used.has(email)) continue;
        used.add(email);
        const title = random.pick([...(industry.titles?.[role] ?? []), ...GENERIC_TITLES[role]]);
        return { name: `${first} ${last}`, email, title, role };
      }
    };
  }

  function contactsFor(account: { segment: Segment; signedOn: string; domain: string; industry: Industry }) {
    const { segment, signedOn: signed, domain, industry } = account;
    const today = options.today;
    const age = daysBetween(signed, today);
    const person = contactPeople(domain, industry);
    const range = options.contactsPerAccount ?? CONTACTS_BY_SEGMENT[segment];
    const leaveChance = Math.min(0.35, (YEARLY_TURNOVER * Math.max(0, age)) / 365);
    const contacts: GeneratedContact[] = [];

    for (const role of contactRoles(segment, random.int(range.min, range.max))) {
      const key = role !== 'end_user';
      const joinedOn = minDate(today, key ? addDays(signed, -random.int(0, 25)) : addDays(signed, random.int(0, Math.max(0, age))));
      const room = daysBetween(joinedOn, today);
      // A champion leaving is the risk event teams watch for: it happens a little more often here than to others.
      const leaves = room > 45 && random.chance(role === 'champion' ? leaveChance * 1.8 : leaveChance);
      const leftOn = leaves ? addDays(joinedOn, random.int(30, room - 1)) : null;
      contacts.push({ ...person(role), joinedOn, leftOn, organization: null });
      if (leftOn && (role === 'champion' || role === 'admin') && daysBetween(leftOn, today) > 7) {
        contacts.push({ ...person(role), joinedOn: addDays(leftOn, random.int(1, 7)), leftOn: null, organization: null });
      }
    }
    return { contacts, person };
  }

  function organizationsFor(segment: Segment, signed: string, industry: Industry, person: ReturnType<typeof contactPeople>) {
    const age = daysBetween(signed, options.today);
    const likely = segment === 'enterprise' ? 0.45 : segment === 'mid_market' ? 0.2 : 0.04;
    if (age < 90 || !random.chance(likely)) return { organizations: [], contacts: [] };
    const count = segment === 'enterprise' && random.chance(0.3) ? 2 : 1;
    const departments = [...industry.departments];
    const organizations: GeneratedOrganization[] = [];
    const contacts: GeneratedContact[] = [];
    for (let index = 0; index < count && departments.length > 0; index++) {
      const [department] = departments.splice(random.int(0, departments.length - 1), 1);
      const kind: OrganizationKind = random.chance(0.5) ? 'new_implementation' : 'added_users';
      const startedOn = addDays(signed, random.int(60, age - 1));
      organizations.push({ name: department!, kind, startedOn });
      const roles: ContactRole[] = kind === 'new_implementation' ? ['project_lead', 'end_user'] : ['end_user'];
      for (let extra = random.int(0, 2); extra > 0; extra--) roles.push('end_user');
      for (const role of roles) {
        const joinedOn = minDate(options.today, addDays(startedOn, random.int(0, 10)));
        contacts.push({ ...person(role), joinedOn, leftOn: null, organization: index });
      }
    }
    return { organizations, contacts };
  }

  return function nextAccount(): GeneratedAccount {
    const industry = random.pick(INDUSTRIES);
    const segment = random.weighted(SEGMENT_MIX);
    const complexity = random.weighted(COMPLEXITY_MIX[segment]);
    const name = companyName(industry);
    const domain = `${name.toLowerCase().replace(/^city of /, 'cityof').replace(/[^a-z0-9]/g, '')}.${industry.tld}`;
    const signed = signedOn();
    let renewal = addYears(signed, 1);
    while (renewal <= options.today) renewal = addYears(renewal, 1);
    const extras = { enterprise: random.int(1, 3), mid_market: random.int(0, 2), smb: random.int(0, 1) }[segment];
    const products = [PRODUCTS[0], ...random.sample(PRODUCTS.slice(1), extras)];
    const age = daysBetween(signed, options.today);
    const stage = laerStage(segment, complexity, age, daysBetween(options.today, renewal), products.length);
    const { contacts, person } = contactsFor({ segment, signedOn: signed, domain, industry });
    const organized = organizationsFor(segment, signed, industry, person);

    return {
      name,
      domain,
      industry: industry.name,
      segment,
      touchModel: DEFAULT_TOUCH_MODEL[segment],
      complexity,
      contractValue: contractValue(segment),
      currency: 'USD',
      contractSignedOn: signed,
      renewalOn: renewal,
      products,
      timezone: random.weighted(TIMEZONES),
      laerStage: stage,
      owners: owners(segment, complexity, stage),
      organizations: organized.organizations,
      contacts: [...contacts, ...organized.contacts],
    };
  };
}
