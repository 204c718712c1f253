// SCORM packages and their runtime data, as plain data. A package is a zip whose imsmanifest.xml names the version
// (1.2 or 2004) and, through its default organization's first item, the resource to launch. At run time the SCO
// commits its CMI data (flattened: "cmi.core.lesson_status": "passed"); what Landfall keeps of it is the lesson's
// status, score (0–100), time spent, and where to resume (location and suspend_data).
import { XMLParser } from 'fast-xml-parser';
import type { LessonStatus, ScormVersion } from './words.ts';

export class ScormRefused extends Error {}

/** A zip entry's path made safe to use as a key, or a refusal: no absolute paths, no "..", no drive letters, no NUL. */
export function safeEntryPath(name: string): string {
  const path = name.replace(/\\/g, '/');
  if (path.includes('\0')) throw new ScormRefused(`the entry "${name.replace(/\0/g, '')}" has a NUL character in its name`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw new ScormRefused(`the entry "${name}" has an absolute path`);
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..')) throw new ScormRefused(`the entry "${name}" climbs out of the package (..)`);
  return parts.join('/');
}

export interface ScormManifest {
  version: ScormVersion;
  title: string;
  /** The launch file's path inside the package, with its parameters if the item has any. */
  launchHref: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, isArray: (name) => ['organization', 'item', 'resource'].includes(name), processEntities: false });

type Node = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : value && typeof value === 'object' && '#text' in value ? String((value as Node)['#text']) : '');

export function readManifest(xml: string): ScormManifest {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new ScormRefused(`imsmanifest.xml is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  const manifest = doc.manifest as Node | undefined;
  if (!manifest || typeof manifest !== 'object') throw new ScormRefused('imsmanifest.xml has no <manifest> element');
  const schemaVersion = text((manifest.metadata as Node | undefined)?.schemaversion).trim();
  const rawNamespaces = Object.entries(manifest).filter(([key]) => key.startsWith('@_')).map(([, value]) => String(value)).join(' ');
  const version: ScormVersion | undefined =
    schemaVersion === '1.2' || /adlcp_rootv1p2/.test(rawNamespaces) ? '1.2' : /2004|CAM 1\.3/.test(schemaVersion) || /adlcp_v1p3/.test(rawNamespaces) ? '2004' : undefined;
  if (!version) throw new ScormRefused(`imsmanifest.xml does not say which SCORM version it is (schemaversion "${schemaVersion}"): Landfall plays SCORM 1.2 and 2004`);

  const organizations = manifest.organizations as Node | undefined;
  const list = (organizations?.organization as Node[] | undefined) ?? [];
  const preferred = String(organizations?.['@_default'] ?? '');
  const organization = list.find((org) => org['@_identifier'] === preferred) ?? list[0];
  const firstItem = (items: Node[] | undefined): Node | undefined => {
    for (const item of items ?? []) {
      if (item['@_identifierref']) return item;
      const inner = firstItem(item.item as Node[] | undefined);
      if (inner) return inner;
    }
    return undefined;
  };
  const item = firstItem(organization?.item as Node[] | undefined);
  const resources = ((manifest.resources as Node | undefined)?.resource as Node[] | undefined) ?? [];
  const resource = item ? resources.find((r) => r['@_identifier'] === item['@_identifierref']) : resources.find((r) => r['@_href']);
  const href = resource ? String(resource['@_href'] ?? '') : '';
  if (!href) throw new ScormRefused('imsmanifest.xml names no resource to launch (no item pointing to a resource with an href)');
  const base = String(resource?.['@_base'] ?? (manifest.resources as Node | undefined)?.['@_base'] ?? '');
  const [file, query] = `${base}${href}`.split('?', 2) as [string, string | undefined];
  const parameters = item ? String(item['@_parameters'] ?? '') : '';
  const title = text(organization?.title).trim() || text(item?.title).trim() || 'SCORM course';
  const params = [query, parameters.replace(/^[?&]/, '')].filter(Boolean).join('&');
  return { version, title: title.slice(0, 200), launchHref: `${safeEntryPath(file)}${params ? `?${params}` : ''}` };
}

// ---- runtime data ----

export type FlatCmi = Record<string, string | number | boolean | null | Record<string, never> | never[]>;

export interface ScormOutcome {
  status: LessonStatus;
  score: number | null;
  location: string | null;
  suspendData: string | null;
  sessionSeconds: number;
}

const RANK: Record<LessonStatus, number> = { not_started: 0, in_progress: 1, failed: 2, completed: 3, passed: 4 };

/** The better of two statuses: a SCO that reports "incomplete" after "passed" does not undo the pass. */
export const bestStatus = (a: LessonStatus, b: LessonStatus): LessonStatus => (RANK[b] > RANK[a] ? b : a);

const str = (cmi: FlatCmi, key: string): string | null => {
  const value = cmi[key];
  // An empty list arrives as {} or []: nothing to read.
  return value === undefined || value === null || value === '' || typeof value === 'object' ? null : String(value);
};
const num = (cmi: FlatCmi, key: string): number | null => {
  const value = str(cmi, key);
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** SCORM 1.2 time ("HHHH:MM:SS.SS") or 2004 duration ("PT1H2M3.5S") in whole seconds; 0 if unreadable. */
export function sessionSeconds(value: string | null): number {
  if (!value) return 0;
  const clock = /^(\d{1,4}):(\d{2}):(\d{2})(\.\d+)?$/.exec(value);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (iso) return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Math.floor(Number(iso[4] ?? 0));
  return 0;
}

const percentOf = (raw: number | null, min: number | null, max: number | null): number | null => {
  if (raw === null) return null;
  if (max !== null && max > (min ?? 0)) return clampPercent(((raw - (min ?? 0)) * 100) / (max - (min ?? 0)));
  return clampPercent(raw);
};
const clampPercent = (value: number) => Math.max(0, Math.min(100, Math.round(value)));

export function readCommit(version: ScormVersion, cmi: FlatCmi): ScormOutcome {
  if (version === '1.2') {
    const lessonStatus = str(cmi, 'cmi.core.lesson_status');
    const status: LessonStatus =
      lessonStatus === 'passed' ? 'passed' : lessonStatus === 'failed' ? 'failed' : lessonStatus === 'completed' ? 'completed' : lessonStatus === 'incomplete' || lessonStatus === 'browsed' ? 'in_progress' : 'not_started';
    return {
      status,
      score: percentOf(num(cmi, 'cmi.core.score.raw'), num(cmi, 'cmi.core.score.min'), num(cmi, 'cmi.core.score.max')),
      location: str(cmi, 'cmi.core.lesson_location'),
      suspendData: str(cmi, 'cmi.suspend_data'),
      sessionSeconds: sessionSeconds(str(cmi, 'cmi.core.session_time')),
    };
  }
  const success = str(cmi, 'cmi.success_status');
  const completion = str(cmi, 'cmi.completion_status');
  const status: LessonStatus =
    success === 'passed' ? 'passed' : success === 'failed' ? 'failed' : completion === 'completed' ? 'completed' : completion === 'incomplete' ? 'in_progress' : 'not_started';
  const scaled = num(cmi, 'cmi.score.scaled');
  return {
    status,
    score: scaled !== null ? clampPercent(scaled * 100) : percentOf(num(cmi, 'cmi.score.raw'), num(cmi, 'cmi.score.min'), num(cmi, 'cmi.score.max')),
    location: str(cmi, 'cmi.location'),
    suspendData: str(cmi, 'cmi.suspend_data'),
    sessionSeconds: sessionSeconds(str(cmi, 'cmi.session_time')),
  };
}

/** The CMI to hand back to the runtime to resume: where the learner was and what the SCO asked to keep. */
export function resumeCmi(version: ScormVersion, saved: { location: string | null; suspendData: string | null; status: LessonStatus } | undefined): Record<string, string> {
  if (!saved) return {};
  const entry = saved.status === 'not_started' ? 'ab-initio' : 'resume';
  const out: Record<string, string> = {};
  if (version === '1.2') {
    out['cmi.core.entry'] = entry;
    if (saved.location) out['cmi.core.lesson_location'] = saved.location;
  } else {
    out['cmi.entry'] = entry;
    if (saved.location) out['cmi.location'] = saved.location;
  }
  if (saved.suspendData) out['cmi.suspend_data'] = saved.suspendData;
  return out;
}
