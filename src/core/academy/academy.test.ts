import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesAudience, releaseReaches, type LearnerFacts } from './audience.ts';
import { certificateStatus, expiryOf, reminderDue, renewedExpiry } from './certificates.ts';
import { courseState, pathStanding } from './completion.ts';
import { passes, scoreQuiz } from './quiz.ts';
import { bestStatus, readCommit, readManifest, resumeCmi, safeEntryPath, ScormRefused, sessionSeconds } from './scorm.ts';
import { isoDuration, xapiStatement } from './xapi.ts';
import { LESSON_STATUSES } from './words.ts';

const anyone = { roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] };
const learner: LearnerFacts = { role: 'end_user', segment: 'smb', products: ['Payroll'], modules: ['timesheets'], organizationId: null, stage: 'adopt', left: false };

describe('quiz scoring', () => {
  const questions = [
    { options: [{ correct: true }, { correct: false }] },
    { options: [{ correct: true }, { correct: true }, { correct: false }] },
  ];
  it('counts a multiple-choice question right only with every correct option and no other', () => {
    expect(scoreQuiz(questions, [[0], [0, 1]])).toEqual({ score: 100, correct: [true, true] });
    expect(scoreQuiz(questions, [[0], [0]]).score).toBe(50);
    expect(scoreQuiz(questions, [[0], [0, 1, 2]]).score).toBe(50);
    expect(scoreQuiz(questions, []).score).toBe(0);
  });
  it('rounds down, so a pass mark is never reached by rounding', () => {
    const three = [questions[0]!, questions[0]!, questions[0]!];
    expect(scoreQuiz(three, [[0], [0], [1]]).score).toBe(66);
    expect(passes(66, 67)).toBe(false);
  });
  it('scores between 0 and 100 whatever is answered', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(11), { maxLength: 5 }), { maxLength: 4 }), (answers) => {
        const { score } = scoreQuiz(questions, answers);
        return score >= 0 && score <= 100;
      }),
    );
  });
});

describe('path completion', () => {
  const path = { courses: [{ courseId: 'a', kind: 'core' as const }, { courseId: 'b', kind: 'elective' as const }, { courseId: 'c', kind: 'elective' as const }], electivesRequired: 1, minimumScore: null };
  const done = (score: number | null = null) => ({ completed: true, score });
  it('needs every core course and the electives asked for', () => {
    expect(pathStanding(path, new Map([['a', done()]])).complete).toBe(false);
    expect(pathStanding(path, new Map([['a', done()], ['c', done()]])).complete).toBe(true);
    expect(pathStanding(path, new Map([['b', done()], ['c', done()]])).complete).toBe(false);
  });
  it('holds back a path whose average score is under its minimum', () => {
    const strict = { ...path, minimumScore: 80 };
    expect(pathStanding(strict, new Map([['a', done(70)], ['b', done(85)]])).complete).toBe(false);
    expect(pathStanding(strict, new Map([['a', done(90)], ['b', done(85)]])).complete).toBe(true);
  });
  it('says 100% only when complete, and never goes down as courses are completed', () => {
    fc.assert(
      fc.property(fc.subarray(['a', 'b', 'c']), fc.constantFrom('a', 'b', 'c'), (completed, extra) => {
        const before = pathStanding(path, new Map(completed.map((id) => [id, done()])));
        const after = pathStanding(path, new Map([...completed, extra].map((id) => [id, done()])));
        return after.percent >= before.percent && (before.percent === 100) === before.complete;
      }),
    );
  });
  it('counts a course complete when every lesson is completed or passed, not failed', () => {
    expect(courseState([{ status: 'completed', score: null }, { status: 'passed', score: 90 }])).toEqual({ completed: true, score: 90 });
    expect(courseState([{ status: 'completed', score: null }, { status: 'failed', score: 40 }]).completed).toBe(false);
    expect(courseState([]).completed).toBe(false);
  });
});

describe('certificates', () => {
  it('expires after its months, clamping month ends', () => {
    expect(expiryOf('2026-01-31', 1)).toBe('2026-02-28');
    expect(expiryOf('2026-03-01', null)).toBeNull();
  });
  it('renews on from the old expiry inside the window, from today after it', () => {
    expect(renewedExpiry('2026-06-30', '2026-05-01', 12)).toBe('2027-06-30');
    expect(renewedExpiry('2026-06-30', '2026-08-01', 12)).toBe('2027-08-01');
  });
  it('is expiring within 90 days of expiry and reminds 60, 30 and 7 days before', () => {
    expect(certificateStatus('2026-06-30', '2026-01-01')).toBe('valid');
    expect(certificateStatus('2026-06-30', '2026-05-01')).toBe('expiring');
    expect(certificateStatus('2026-06-30', '2026-07-01')).toBe('expired');
    expect(reminderDue('2026-06-30', '2026-05-01')).toBe(60);
    expect(reminderDue('2026-06-30', '2026-06-23')).toBe(7);
    expect(reminderDue('2026-06-30', '2026-06-22')).toBeNull();
  });
  it('never renews to an earlier date than the certificate it renews', () => {
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(date, date, fc.integer({ min: 1, max: 60 }), (expiry, today, months) => renewedExpiry(expiry, today, months)! > expiry));
  });
});

describe('audience', () => {
  it('matches when every listed facet matches, and never a contact who left', () => {
    expect(matchesAudience(anyone, learner)).toBe(true);
    expect(matchesAudience({ ...anyone, roles: ['end_user'], stages: ['adopt'] }, learner)).toBe(true);
    expect(matchesAudience({ ...anyone, roles: ['admin'] }, learner)).toBe(false);
    expect(matchesAudience({ ...anyone, organizationIds: ['x'] }, learner)).toBe(false);
    expect(matchesAudience(anyone, { ...learner, left: true })).toBe(false);
  });
  it('adding a facet never widens the audience', () => {
    const facts = fc.record({ role: fc.constantFrom('admin', 'end_user'), segment: fc.constantFrom('smb', 'enterprise'), products: fc.subarray(['P', 'Q']), modules: fc.subarray(['m1', 'm2']), organizationId: fc.constant(null), stage: fc.constantFrom('land', 'adopt'), left: fc.boolean() });
    const audience = fc.record({ roles: fc.subarray(['admin', 'end_user']), segments: fc.subarray(['smb', 'enterprise']), products: fc.subarray(['P', 'Q']), modules: fc.subarray(['m1', 'm2']), organizationIds: fc.constant([]), stages: fc.subarray(['land', 'adopt']) });
    const stages = fc.subarray(['land', 'adopt', 'expand'], { minLength: 1 });
    fc.assert(fc.property(audience, facts, stages, (a, f, only) => !matchesAudience({ ...a, stages: only }, f) || matchesAudience({ ...a, stages: [] }, f)));
  });
  it('reaches the users of a release’s modules, or every user of the product when it names none', () => {
    expect(releaseReaches({ product: 'Payroll', modules: ['timesheets'] }, learner)).toBe(true);
    expect(releaseReaches({ product: 'Payroll', modules: ['expenses'] }, learner)).toBe(false);
    expect(releaseReaches({ product: 'Payroll', modules: [] }, learner)).toBe(true);
    expect(releaseReaches({ product: 'CRM', modules: [] }, learner)).toBe(false);
  });
});

describe('SCORM', () => {
  const manifest12 = `<?xml version="1.0"?><manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
    <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
    <organizations default="org"><organization identifier="org"><title>Getting started</title><item identifier="i1" identifierref="r1"><title>Lesson</title></item></organization></organizations>
    <resources><resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="content/index.html"><file href="content/index.html"/></resource></resources></manifest>`;
  it('reads the version, title and launch file of a manifest', () => {
    expect(readManifest(manifest12)).toEqual({ version: '1.2', title: 'Getting started', launchHref: 'content/index.html' });
    const m2004 = manifest12.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion>').replace('adlcp_rootv1p2', 'adlcp_v1p3');
    expect(readManifest(m2004).version).toBe('2004');
  });
  it('refuses a manifest with no version, no launch file, or a launch file outside the package', () => {
    expect(() => readManifest(manifest12.replace('<schemaversion>1.2</schemaversion>', '').replace('adlcp_rootv1p2', 'other'))).toThrow(/which SCORM version/);
    expect(() => readManifest(manifest12.replace('href="content/index.html"', ''))).toThrow(/no resource to launch/);
    expect(() => readManifest(manifest12.replace('href="content/index.html"', 'href="../../etc/passwd"'))).toThrow(ScormRefused);
    expect(() => readManifest('not xml <')).toThrow(ScormRefused);
  });
  it('refuses entry paths that are absolute or climb out', () => {
    expect(safeEntryPath('a/./b/c.html')).toBe('a/b/c.html');
    for (const bad of ['/etc/passwd', '../x', 'a/../../x', 'C:\\x', 'a\\..\\..\\b']) expect(() => safeEntryPath(bad)).toThrow(ScormRefused);
  });
  it('reads status, score, time and resume point from 1.2 and 2004 commits', () => {
    expect(readCommit('1.2', { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '8', 'cmi.core.score.max': '10', 'cmi.core.session_time': '0001:02:03.50', 'cmi.core.lesson_location': 'p3', 'cmi.suspend_data': 'x' })).toEqual({ status: 'passed', score: 80, location: 'p3', suspendData: 'x', sessionSeconds: 3723 });
    expect(readCommit('2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.score.scaled': 0.75, 'cmi.session_time': 'PT1M5S', 'cmi.location': 'page-2' })).toMatchObject({ status: 'completed', score: 75, sessionSeconds: 65, location: 'page-2' });
    expect(readCommit('2004', { 'cmi.completion_status': 'incomplete' }).status).toBe('in_progress');
    // scorm-again sends its lists still empty as {} or []: read as nothing, never as "[object Object]".
    expect(readCommit('1.2', { 'cmi.core.lesson_status': 'completed', 'cmi.objectives': {}, 'cmi.interactions': [], 'cmi.suspend_data': {} })).toMatchObject({ status: 'completed', suspendData: null });
    expect(sessionSeconds('nonsense')).toBe(0);
  });
  it('never lets a later commit undo a pass', () => {
    fc.assert(fc.property(fc.constantFrom(...LESSON_STATUSES), (next) => bestStatus('passed', next) === 'passed'));
  });
  it('hands back where the learner was, to resume', () => {
    expect(resumeCmi('1.2', { location: 'p3', suspendData: 's', status: 'in_progress' })).toEqual({ 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': 'p3', 'cmi.suspend_data': 's' });
    expect(resumeCmi('2004', undefined)).toEqual({});
  });
});

describe('xAPI', () => {
  it('writes an ADL verb, the contact as mbox, and the result', () => {
    const statement = xapiStatement({ id: 'id', learner: { name: 'Ann', email: 'ann@x.test' }, verb: 'passed', activity: { iri: 'https://l.test/academy/courses/c', name: 'Basics', type: 'course' }, result: { scorePercent: 90, success: true, seconds: 3723 }, timestamp: new Date('2026-01-01T00:00:00Z'), stored: new Date('2026-01-01T00:00:01Z') });
    expect(statement.actor.mbox).toBe('mailto:ann@x.test');
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(statement.result).toEqual({ score: { scaled: 0.9, raw: 90, min: 0, max: 100 }, success: true, duration: 'PT1H2M3S' });
    expect(isoDuration(5)).toBe('PT5S');
  });
});
