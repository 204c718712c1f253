// The portfolio's filters live in the URL, so a view ("my late enterprise projects") can be bookmarked and shared.
import { SEGMENTS, type Segment } from '../../../core/people.ts';
import type { Health, ProjectListParams } from './projects.api.ts';

export const HEALTHS: readonly Health[] = ['on_track', 'at_risk', 'late'];
export type ProjectStatusFilter = 'active' | 'paused' | 'closed' | 'all';

export interface ProjectListState {
  owner: string;
  segment: Segment[];
  health: Health[];
  status: ProjectStatusFilter;
}

export const defaultProjectListState: ProjectListState = { owner: '', segment: [], health: [], status: 'active' };

const list = (params: URLSearchParams, key: string) =>
  (params.get(key) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
const oneOf = <T extends string>(allowed: readonly T[], values: string[]): T[] =>
  values.filter((value): value is T => (allowed as readonly string[]).includes(value));

export function parseProjectListState(params: URLSearchParams): ProjectListState {
  const status = params.get('status');
  return {
    owner: params.get('owner') ?? '',
    segment: oneOf(SEGMENTS, list(params, 'segment')),
    health: oneOf(HEALTHS, list(params, 'health')),
    status: status === 'paused' || status === 'closed' || status === 'all' ? status : 'active',
  };
}

export function serializeProjectListState(state: ProjectListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.owner) params.set('owner', state.owner);
  if (state.segment.length) params.set('segment', state.segment.join(','));
  if (state.health.length) params.set('health', state.health.join(','));
  if (state.status !== 'active') params.set('status', state.status);
  return params;
}

export const toProjectQuery = (state: ProjectListState): ProjectListParams => ({
  owner: state.owner || undefined,
  segment: state.segment.join(',') || undefined,
  health: state.health.join(',') || undefined,
  status: state.status,
});

export const hasProjectFilters = (state: ProjectListState): boolean =>
  Boolean(state.owner || state.segment.length || state.health.length || state.status !== 'active');
