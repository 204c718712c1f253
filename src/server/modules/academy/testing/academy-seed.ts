// A little of everything in the academy, for tests that need its ids (isolation, fuzz): a course with a lesson,
// an uploaded file, a path with a certificate, a rule, an enrolment, a webinar and a release.
import type { Ctx } from '../../../context.ts';
import { addLesson, createCourse } from '../content.service.ts';
import { createRule, enrolByHand, listEnrolments } from '../enrolment.service.ts';
import { storeFile } from '../files.service.ts';
import { createPath } from '../paths.service.ts';
import { createWebinar } from '../webinars.service.ts';
import { createRelease } from '../releases.service.ts';

export async function seedAcademyFor(ctx: Ctx, accountId: string, contactId: string) {
  const course = await createCourse(ctx, { title: 'Basics', summary: '', product: null, modules: [], estimatedMinutes: null });
  const file = await storeFile(ctx, 'guide.txt', 'text/plain; charset=utf-8', new TextEncoder().encode('A guide'));
  const lesson = await addLesson(ctx, course.id, { title: 'Guide', content: { kind: 'file', fileId: file.id } });
  const path = await createPath(ctx, {
    title: 'Essentials',
    description: '',
    audience: { roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] },
    courses: [{ courseId: course.id, kind: 'core' }],
    electivesRequired: 0,
    minimumScore: null,
    certificate: { title: 'Certified', validForMonths: 12 },
  });
  const rule = await createRule(ctx, { name: 'Admins', pathId: path.id, trigger: 'contact_joined', audience: { roles: ['admin'], segments: [], products: [], modules: [], organizationIds: [], stages: [] }, milestoneKind: null, releaseProduct: null, active: true });
  await enrolByHand(ctx, { pathId: path.id, contactIds: [contactId] });
  const enrolment = (await listEnrolments(ctx, { contactId }, 1, 0)).items[0]!;
  const webinar = await createWebinar(ctx, {
    title: 'Office hours',
    description: '',
    startsAt: new Date(ctx.services.now().getTime() + 7 * 86_400_000).toISOString(),
    durationMinutes: 60,
    joinUrl: 'https://meet.example.com/office-hours',
    capacity: 50,
    audience: { roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] },
  });
  const release = await createRelease(ctx, { product: 'Core Platform', name: 'Spring release', modules: ['Reports'], notes: 'Faster reports', courseId: course.id, webinarId: webinar.id });
  void accountId;
  return { release: release.id, course: course.id, lesson: lesson.id, academyFile: file.id, path: path.id, rule: rule.id, enrolment: enrolment.id, webinar: webinar.id };
}
