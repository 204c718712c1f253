// The accounts list's search, filters, sort and page live in the URL, so a view can be bookmarked,
// shared, and survives reload and the back button.
import { COMPLEXITIES, LAER_STAGES, SEGMENTS, type Complexity, type LaerStage, type Segment } from '../../../core/people.ts';

export const SORTABLE = ['name', 'contractValue', 'contractSignedOn', 'renewalOn', 'createdAt', 'segment', 'industry'] as const;
export type SortField = (typeof SORTABLE)[number];
export type AccountStatus = 'active' | 'archived' | 'all';

export interface AccountListState {
  q: string;
  segment: Segment[];
  industry: string[];
  complexity: Complexity[];
  laerStage: LaerStage[];
  owner: string;
  status: AccountStatus;
  /** A field name, '-' in front for descending. */
  sort: string;
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 50;
export const PAGE_SIZES = [25, 50, 100] as const;

export const defaultListState: AccountListState = {
  q: '',
  segment: [],
  industry: [],
  complexity: [],
  laerStage: [],
  owner: '',
  status: 'active',
  sort: 'name',
  limit: DEFAULT_LIMIT,
  offset: 0,
};

const list = (params: URLSearchParams, key: string): string[] =>
  (params.get(key) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);

const oneOf = <T extends string>(allowed: readonly T[], values: string[]): T[] =>
  values.filter((value): value is T => (allowed as readonly string[]).includes(value));

const wholeNumber = (text: string | null, fallback: number, min: number, max: number): number => {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
};

/** Reads the list state from a URL query string; anything unknown or malformed falls back to the default. */
export function parseListState(params: URLSearchParams): AccountListState {
  const sort = params.get('sort') ?? '';
  const status = params.get('status');
  const limit = wholeNumber(params.get('limit'), DEFAULT_LIMIT, 1, 200);
  const page = wholeNumber(params.get('page'), 1, 1, 100_000);
  return {
    q: params.get('q') ?? '',
    segment: oneOf(SEGMENTS, list(params, 'segment')),
    industry: list(params, 'industry'),
    complexity: oneOf(COMPLEXITIES, list(params, 'complexity')),
    laerStage: oneOf(LAER_STAGES, list(params, 'laerStage')),
    owner: params.get('owner') ?? '',
    status: status === 'archived' || status === 'all' ? status : 'active',
    sort: (SORTABLE as readonly string[]).includes(sort.replace(/^-/, '')) ? sort : defaultListState.sort,
    limit,
    offset: (page - 1) * limit,
  };
}

/** Writes the list state to a query string, leaving out defaults so URLs stay short. */
export function serializeListState(state: AccountListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.segment.length) params.set('segment', state.segment.join(','));
  if (state.industry.length) params.set('industry', state.industry.join(','));
  if (state.complexity.length) params.set('complexity', state.complexity.join(','));
  if (state.laerStage.length) params.set('laerStage', state.laerStage.join(','));
  if (state.owner) params.set('owner', state.owner);
  if (state.status !== defaultListState.status) params.set('status', state.status);
  if (state.sort !== defaultListState.sort) params.set('sort', state.sort);
  if (state.limit !== DEFAULT_LIMIT) params.set('limit', String(state.limit));
  const page = Math.floor(state.offset / state.limit) + 1;
  if (page > 1) params.set('page', String(page));
  return params;
}

/** The query the server's GET /accounts takes. */
export function toApiQuery(state: AccountListState): Record<string, string | number | undefined> {
  return {
    q: state.q.trim() || undefined,
    segment: state.segment.join(',') || undefined,
    industry: state.industry.join(',') || undefined,
    complexity: state.complexity.join(',') || undefined,
    laerStage: state.laerStage.join(',') || undefined,
    owner: state.owner || undefined,
    status: state.status,
    sort: state.sort,
    limit: state.limit,
    offset: state.offset,
  };
}

export const hasFilters = (state: AccountListState): boolean =>
  Boolean(
    state.q.trim() ||
      state.segment.length ||
      state.industry.length ||
      state.complexity.length ||
      state.laerStage.length ||
      state.owner ||
      state.status !== 'active',
  );

/** Clicking a column header: sort by it ascending, or flip the direction if it is already the sort. */
export function toggleSort(current: string, field: SortField): string {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return field;
  // Money and dates are most useful biggest/latest first.
  return field === 'contractValue' ? `-${field}` : field;
}

export function sortDirection(current: string, field: SortField): 'ascending' | 'descending' | undefined {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return undefined;
}
