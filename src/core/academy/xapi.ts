// Learning events as xAPI 1.0.3 statements: actor = the contact (mbox), verb = an ADL verb, object = the course or
// lesson as an activity with an IRI under the workspace's public address, result (score, success, completion,
// duration), timestamp.
import type { XapiVerb } from './words.ts';

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  meeting: 'http://adlnet.gov/expapi/activities/meeting',
} as const;

export interface LearningEvent {
  id: string;
  learner: { name: string; email: string };
  verb: XapiVerb;
  activity: { iri: string; name: string; type: keyof typeof ACTIVITY_TYPES };
  result?: { scorePercent?: number | null; success?: boolean; completion?: boolean; seconds?: number };
  timestamp: Date;
  stored: Date;
}

/** Seconds as an ISO 8601 duration (PT1H2M3S). */
export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s % 60}S`;
}

export function xapiStatement(event: LearningEvent) {
  const result: Record<string, unknown> = {};
  const r = event.result;
  if (r?.scorePercent !== undefined && r.scorePercent !== null) result.score = { scaled: r.scorePercent / 100, raw: r.scorePercent, min: 0, max: 100 };
  if (r?.success !== undefined) result.success = r.success;
  if (r?.completion !== undefined) result.completion = r.completion;
  if (r?.seconds !== undefined) result.duration = isoDuration(r.seconds);
  return {
    id: event.id,
    actor: { objectType: 'Agent' as const, name: event.learner.name, mbox: `mailto:${event.learner.email}` },
    verb: { id: `http://adlnet.gov/expapi/verbs/${event.verb}`, display: { 'en-US': event.verb } },
    object: { objectType: 'Activity' as const, id: event.activity.iri, definition: { name: { 'en-US': event.activity.name }, type: ACTIVITY_TYPES[event.activity.type] } },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    timestamp: event.timestamp.toISOString(),
    stored: event.stored.toISOString(),
  };
}
