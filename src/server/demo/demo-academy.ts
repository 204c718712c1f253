import { and, asc, eq, isNull } from 'drizzle-orm';
import { CourseInput, LessonInput, PathInput, RuleInput, WebinarInput } from '../../contract/academy.ts';
import type { DemoAdmin } from './demo-admin.ts';
import { contextFor, type Ctx, type Services } from '../context.ts';
import { contacts } from '../db/schema.ts';
import { addLesson, createCourse } from '../modules/academy/content.service.ts';
import { createRule, enrolByHand } from '../modules/academy/enrolment.service.ts';
import { attemptQuiz, recordLessonProgress } from '../modules/academy/learner.service.ts';
import { createPath } from '../modules/academy/paths.service.ts';
import { createWebinar, registerContact } from '../modules/academy/webinars.service.ts';

type LessonSpec = LessonInput['content'] & { title: string };
interface DemoCourse {
  id: string;
  lessons: { id: string; spec: LessonSpec }[];
}

const single = (prompt: string, right: string, ...wrong: string[]) => ({
  prompt,
  choice: 'single' as const,
  options: [{ text: right, correct: true }, ...wrong.map((text) => ({ text, correct: false }))],
});

const COURSES: { input: Partial<CourseInput> & { title: string }; lessons: LessonSpec[] }[] = [
  {
    input: { title: 'Getting started for end users', summary: 'Find your way around in twenty minutes.', estimatedMinutes: 20 },
    lessons: [
      { title: 'Your first day', kind: 'markdown', body: '# Welcome\n\nSign in, find **My work**, and open your first task. Reports live under the Reports tab.' },
      {
        title: 'Check what you learned',
        kind: 'quiz',
        passMark: 70,
        maxAttempts: 3,
        questions: [
          single('Where do you find the tasks assigned to you?', 'My work', 'Settings', 'The admin console'),
          single('Where do reports live?', 'The Reports tab', 'Your inbox'),
          single('Who can reset a quiz you failed three times?', 'Your vendor contact', 'Nobody'),
        ],
      },
    ],
  },
  {
    input: { title: 'Admin essentials', summary: 'Users, roles and single sign-on for the people who run the product.', estimatedMinutes: 45 },
    lessons: [
      { title: 'Users and roles', kind: 'markdown', body: '# Users and roles\n\nInvite users in bulk, give each the smallest role that lets them work.' },
      { title: 'Setting up single sign-on', kind: 'video', url: 'https://videos.landfall.example/admin-sso', fileId: null, transcript: 'In this video we connect your identity provider.' },
    ],
  },
  {
    input: { title: 'Super-user: train your team', summary: 'Run a first training session for your colleagues.', estimatedMinutes: 30 },
    lessons: [
      { title: 'Running a training session', kind: 'markdown', body: '# Train your team\n\nKeep sessions short, use your own data, and leave time for questions.' },
      {
        title: 'Ready to train?',
        kind: 'quiz',
        passMark: 50,
        maxAttempts: null,
        questions: [single('How long should a first session be?', 'About an hour', 'A full day'), single('Whose data do you train with?', 'Your own team’s', 'Made-up examples only')],
      },
    ],
  },
];

/** The correct answers of a quiz, as the learner would pick them. */
const rightAnswers = (content: LessonSpec) => (content.kind === 'quiz' ? content.questions.map((q) => q.options.flatMap((o, i) => (o.correct ? [i] : []))) : []);

/**
 * The demo's academy: three courses, a path for end users (enrolled by a rule) and one for admins with a
 * certificate, end users part-way or done, one admin certified, and an upcoming webinar with registrations.
 */
export async function seedDemoAcademy(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const courses: DemoCourse[] = [];
  for (const spec of COURSES) {
    const course = await createCourse(vendor, CourseInput.parse(spec.input));
    const lessons: DemoCourse['lessons'] = [];
    for (const { title, ...content } of spec.lessons) lessons.push({ id: (await addLesson(vendor, course.id, LessonInput.parse({ title, content }))).id, spec: { title, ...content } as LessonSpec });
    courses.push({ id: course.id, lessons });
  }
  const [endUserCourse, adminCourse, superUserCourse] = courses as [DemoCourse, DemoCourse, DemoCourse];
  const endUserPath = await createPath(
    vendor,
    PathInput.parse({ title: 'End user essentials', description: 'Everything a new user needs in week one.', audience: { roles: ['end_user'] }, courses: [{ courseId: endUserCourse.id, kind: 'core' }] }),
  );
  const superUserPath = await createPath(
    vendor,
    PathInput.parse({
      title: 'Admins and super-users',
      description: 'Run the product and train your colleagues.',
      audience: { roles: ['admin', 'champion'] },
      courses: [{ courseId: adminCourse.id, kind: 'core' }, { courseId: superUserCourse.id, kind: 'core' }],
      certificate: { title: 'Certified super-user', validForMonths: 12 },
    }),
  );
  await createRule(vendor, RuleInput.parse({ name: 'End users of every account', pathId: endUserPath.id, trigger: 'matching', audience: { roles: ['end_user'] } }));

  const current = (role: string) =>
    services.database.db
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.role, role), isNull(contacts.leftOn)))
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(3);
  const learnerCtx = (contact: { id: string; name: string }) => ({
    ...contextFor(services, { kind: 'contact', workspaceId, contactId: contact.id, sessionId: 'demo', preview: false, name: contact.name }),
    actor: { kind: 'contact' as const, workspaceId, contactId: contact.id, sessionId: 'demo', preview: false, name: contact.name },
  });
  const complete = async (learner: Ctx & { actor: { kind: 'contact'; contactId: string } }, course: DemoCourse) => {
    for (const lesson of course.lessons) {
      if (lesson.spec.kind === 'quiz') await attemptQuiz(learner, lesson.id, rightAnswers(lesson.spec));
      else await recordLessonProgress(learner, lesson.id, { status: 'completed' });
    }
  };

  // End users: two finished the course, a third has read the first lesson only.
  const endUsers = await current('end_user');
  for (const [index, contact] of endUsers.entries()) {
    const learner = learnerCtx(contact);
    if (index < 2) await complete(learner, endUserCourse);
    else await recordLessonProgress(learner, endUserCourse.lessons[0]!.id, { status: 'completed' });
  }
  // One customer admin, enrolled by hand, finished the admin path and holds the certificate.
  const [superUser] = await current('admin');
  if (superUser) {
    await enrolByHand(vendor, { pathId: superUserPath.id, contactIds: [superUser.id] });
    const learner = learnerCtx(superUser);
    await complete(learner, adminCourse);
    await complete(learner, superUserCourse);
  }

  const startsAt = new Date(services.now().getTime() + 9 * 86_400_000);
  startsAt.setUTCHours(15, 0, 0, 0);
  const webinar = await createWebinar(
    vendor,
    WebinarInput.parse({
      title: 'Reports deep dive',
      description: 'Build the three reports your managers ask for, live, with questions at the end.',
      startsAt: startsAt.toISOString(),
      durationMinutes: 45,
      joinUrl: 'https://meet.landfall.example/reports-deep-dive',
      capacity: 100,
      audience: { roles: ['end_user'] },
    }),
  );
  for (const contact of endUsers.slice(0, 2)) await registerContact(vendor, webinar.id, contact.id, 'email');
}
