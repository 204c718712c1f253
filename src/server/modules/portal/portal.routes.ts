import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../../core/portal/files.ts';
import type { Ctx, Services } from '../../context.ts';
import { requireCtx, requirePortalCtx } from '../../http/access.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { csrfTokenFor } from '../auth/auth.service.ts';
import { IdParams, WorkspaceParams } from '../../../contract/common.ts';
import {
  AccessGranted,
  AccessInput,
  Approval,
  ApprovalInput,
  CodeInput,
  ColleagueInput,
  ColleagueInvited,
  CommentInput,
  CommentOut,
  ContactParams,
  EmailLinkInput,
  FileParams,
  FormAnswersInput,
  FormAnswersSaved,
  FormDefinition,
  Invitation,
  LinkSent,
  Message,
  PortalMe,
  PortalOverview,
  PortalProject,
  PortalSettings,
  PortalSettingsInput,
  PreviewInput,
  ProjectParams,
  RatingInput,
  RatingOut,
  SignedIn,
  SignInInput,
  SignInLinkInfo,
  StatusInput,
  TaskParams,
  TokenParams,
  UploadedFile,
} from '../../../contract/portal.ts';
import { AnswersInput, Assessment, AssessmentSummary } from '../../../contract/readiness.ts';
import { ActualInput, OutcomeInput, PlanInput, SuccessPlan, VerificationInput } from '../../../contract/success-plans.ts';
import { attachmentHeader, readFileStream } from './file-store.ts';
import * as admin from './portal-admin.service.ts';
import * as auth from './portal-auth.service.ts';
import { brandingFor } from './portal.repo.ts';
import { grantAccess } from './portal-access.service.ts';
import * as plan from './portal-plan.service.ts';
import * as service from './portal.service.ts';
import { UploadRefused } from './portal.service.ts';

const tags = ['portal'];
const AssessmentParams = TaskParams.omit({ taskId: true }).extend({ assessmentId: IdParams.shape.id });
const MetricParams = TaskParams.omit({ taskId: true }).extend({ metricId: IdParams.shape.id });
const OutcomeParams = TaskParams.omit({ taskId: true }).extend({ outcomeId: IdParams.shape.id });
const vendorTags = ['portal (vendor side)'];
const Nothing = z.null().describe('No content');

function setPortalCookie(reply: FastifyReply, services: Services, token: string, maxAgeMs: number) {
  reply.setCookie(auth.PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.secureCookies,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** One uploaded file from a multipart body (field "file"), refused with 413 past the size limit. */
async function readUpload(request: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw invalid('Send the file as multipart/form-data, in a field named "file".', { path: ['body', 'file'] });
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part) throw invalid('Attach a file in a field named "file".', { path: ['body', 'file'] });
  try {
    return { name: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new UploadRefused(413, `The file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB, the most a task file can be.`);
    }
    throw error;
  }
}

async function sendFile(ctx: Ctx, reply: FastifyReply, projectId: string, fileId: string) {
  const file = await service.projectFile(ctx, projectId, fileId);
  // Always a download, never rendered in the page: an uploaded file can never run as this site.
  return reply
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .type(file.contentType)
    .send(readFileStream(ctx.services, ctx.workspaceId, file.id));
}

const UploadQuery = z.object({ fieldKey: z.string().max(60).optional() });
const uploadSchema = { consumes: ['multipart/form-data'], querystring: UploadQuery, response: { 201: UploadedFile } };

/** The customer's side: sign-in by emailed link or code, then their project. Mounted at /api/portal/v1. */
export const portalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    // The sign-in link's button is a plain HTML form, so it works before any script has loaded.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const publicRoute = { access: 'public' as const };

    app.get(
      '/invitations/:token',
      { config: publicRoute, schema: { tags, summary: 'What an invitation is for (opening it signs nobody in)', params: TokenParams, response: { 200: Invitation } } },
      async (request) => {
        const info = await auth.invitationInfo(services, request.params.token);
        return { ...info, branding: await brandingFor(services.database.db, info.workspaceId) };
      },
    );

    app.get(
      '/sign-in/links/:token',
      {
        config: publicRoute,
        schema: { tags, summary: 'Whose portal a sign-in link opens, or why it no longer can (opening it spends nothing)', params: TokenParams, response: { 200: SignInLinkInfo } },
      },
      async (request) => {
        const info = await auth.signInLinkInfo(services, request.params.token);
        return { branding: await brandingFor(services.database.db, info.workspaceId) };
      },
    );

    app.post(
      '/invitations/:token/link',
      {
        config: publicRoute,
        schema: { tags, summary: 'Email a fresh sign-in link and 6-digit code to the invited address', params: TokenParams, response: { 200: LinkSent } },
      },
      (request) => auth.sendLinkForInvitation(services, request.params.token, request.ip),
    );

    app.post(
      '/sign-in/email',
      {
        config: publicRoute,
        schema: { tags, summary: 'Email me a sign-in link (same answer whether or not the address has access)', body: EmailLinkInput, response: { 200: Message } },
      },
      (request) => auth.sendLinkForEmail(services, request.body.email, request.ip),
    );

    app.post(
      '/sign-in',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Spend a sign-in link: opens a session, then redirects to the portal (a URL without the token)',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: SignInInput,
          response: { 200: SignedIn, 303: Nothing },
        },
      },
      async (request, reply) => {
        const fromForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
        let signedIn: Awaited<ReturnType<typeof auth.redeemLink>>;
        try {
          signedIn = await auth.redeemLink(services, request.body.token);
        } catch (error) {
          // The page's form gets a page back, not JSON: the sign-in page, saying what went wrong.
          if (fromForm && error instanceof AppError) return reply.redirect(`/portal/sign-in?problem=${encodeURIComponent(error.message)}`, 303);
          throw error;
        }
        setPortalCookie(reply, services, signedIn.sessionToken, services.config.sessionAbsoluteMs);
        const redirectTo = `/portal/projects/${signedIn.projectId}`;
        return fromForm ? reply.redirect(redirectTo, 303) : { redirectTo };
      },
    );

    app.post(
      '/sign-in/code',
      { config: publicRoute, schema: { tags, summary: 'Sign in with the 6-digit code from the email', body: CodeInput, response: { 200: SignedIn } } },
      async (request, reply) => {
        const { sessionToken, projectId } = await auth.redeemCode(services, request.body, request.ip);
        setPortalCookie(reply, services, sessionToken, services.config.sessionAbsoluteMs);
        return { redirectTo: `/portal/projects/${projectId}` };
      },
    );

    app.post(
      '/sign-out',
      { config: { access: 'portal', previewAllowed: true }, schema: { tags, summary: 'Sign out of the portal', response: { 204: Nothing } } },
      async (request, reply) => {
        await auth.signOutOfPortal(services, request.cookies[auth.PORTAL_COOKIE]);
        reply.clearCookie(auth.PORTAL_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/branding/:workspaceId/logo',
      { config: publicRoute, schema: { tags, summary: "The workspace's logo, shown in its portal", params: WorkspaceParams } },
      async (request, reply) => {
        const logo = await service.logoOf(services, request.params.workspaceId);
        if (!logo) throw notFound('logo');
        return reply.type(logo.type).header('cache-control', 'public, max-age=86400').send(logo.bytes);
      },
    );

    const portal = { access: 'portal' as const };

    app.get('/me', { config: portal, schema: { tags, summary: 'The signed-in contact, their projects and the portal branding', response: { 200: PortalMe } } }, async (request) => ({
      ...(await service.portalMe(requirePortalCtx(request, services))),
      csrfToken: csrfTokenFor(request.cookies[auth.PORTAL_COOKIE]!),
    }));

    app.get(
      '/projects/:projectId',
      { config: portal, schema: { tags, summary: 'The project as the customer sees it: plan by stage, your tasks first, milestones', params: ProjectParams, response: { 200: PortalProject } } },
      (request) => service.portalProject(requirePortalCtx(request, services), request.params.projectId),
    );

    app.post(
      '/projects/:projectId/tasks/:taskId/status',
      {
        config: portal,
        schema: { tags, summary: 'Complete a task, mark it stuck (with a reason) or resume it', params: TaskParams, body: StatusInput, response: { 204: Nothing } },
      },
      async (request, reply) => {
        await service.setTaskStatus(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/projects/:projectId/tasks/:taskId/form',
      { config: portal, schema: { tags, summary: "Save the answers to a task's form", params: TaskParams, body: FormAnswersInput, response: { 200: FormAnswersSaved } } },
      (request) => service.saveFormAnswers(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body.answers),
    );

    app.post(
      '/projects/:projectId/tasks/:taskId/files',
      { config: portal, schema: { tags, summary: 'Upload a file to a task (multipart field "file"; ?fieldKey= for a form\'s file field)', params: TaskParams, ...uploadSchema } },
      async (request, reply) => {
        const ctx = requirePortalCtx(request, services);
        await service.uploadTarget(ctx, request.params.projectId, request.params.taskId);
        const upload = await readUpload(request);
        const saved = await service.attachFile(ctx, request.params.projectId, request.params.taskId, { ...upload, fieldKey: request.query.fieldKey ?? null });
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/projects/:projectId/files/:fileId',
      { config: portal, schema: { tags, summary: 'Download a file of a task (always as an attachment)', params: FileParams } },
      (request, reply) => sendFile(requirePortalCtx(request, services), reply, request.params.projectId, request.params.fileId),
    );

    app.post(
      '/projects/:projectId/tasks/:taskId/approval',
      {
        config: portal,
        schema: { tags, summary: 'Approve or reject a deliverable, signed with your name', params: TaskParams, body: ApprovalInput, response: { 200: Approval } },
      },
      (request) => service.decideApproval(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body),
    );

    app.post(
      '/projects/:projectId/tasks/:taskId/comments',
      { config: portal, schema: { tags, summary: 'Comment on a task; @Name tells a vendor person on the project', params: TaskParams, body: CommentInput, response: { 201: CommentOut } } },
      async (request, reply) =>
        reply.status(201).send(await service.portalComment(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body.body)),
    );

    app.put(
      '/projects/:projectId/milestones/:taskId/rating',
      { config: portal, schema: { tags, summary: 'Rate a reached milestone from 1 to 5 (CSAT)', params: TaskParams, body: RatingInput, response: { 200: RatingOut } } },
      (request) => service.rateMilestone(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body),
    );

    app.get(
      '/projects/:projectId/readiness',
      { config: portal, schema: { tags, summary: 'The readiness assessments sent to you for this project', params: ProjectParams, response: { 200: z.array(AssessmentSummary) } } },
      (request) => plan.projectAssessments(requirePortalCtx(request, services), request.params.projectId),
    );

    app.get(
      '/projects/:projectId/readiness/:assessmentId',
      { config: portal, schema: { tags, summary: 'A readiness assessment: its questions and the answers so far', params: AssessmentParams, response: { 200: Assessment } } },
      (request) => plan.portalAssessment(requirePortalCtx(request, services), request.params.projectId, request.params.assessmentId),
    );

    app.patch(
      '/projects/:projectId/readiness/:assessmentId/answers',
      { config: portal, schema: { tags, summary: 'Save answers to a readiness assessment (some now, the rest later)', params: AssessmentParams, body: AnswersInput, response: { 200: Assessment } } },
      (request) => plan.answerAssessment(requirePortalCtx(request, services), request.params.projectId, request.params.assessmentId, request.body.answers),
    );

    app.post(
      '/projects/:projectId/readiness/:assessmentId/submit',
      { config: portal, schema: { tags, summary: 'Submit a readiness assessment: it is scored', params: AssessmentParams, response: { 200: Assessment } } },
      (request) => plan.submitPortalAssessment(requirePortalCtx(request, services), request.params.projectId, request.params.assessmentId),
    );

    app.get(
      '/projects/:projectId/success-plan',
      { config: portal, schema: { tags, summary: 'The mutual success plan: goals, outcomes, metrics and their actuals', params: ProjectParams, response: { 200: SuccessPlan } } },
      (request) => plan.portalSuccessPlan(requirePortalCtx(request, services), request.params.projectId),
    );

    app.put(
      '/projects/:projectId/success-plan',
      { config: portal, schema: { tags, summary: 'Edit the plan with your vendor: goals, sponsor, communication cadence', params: ProjectParams, body: PlanInput, response: { 200: SuccessPlan } } },
      (request) => plan.editSuccessPlan(requirePortalCtx(request, services), request.params.projectId, request.body),
    );

    app.post(
      '/projects/:projectId/success-outcomes',
      { config: portal, schema: { tags, summary: 'Propose a business outcome', params: ProjectParams, body: OutcomeInput, response: { 201: SuccessPlan } } },
      async (request, reply) => reply.status(201).send(await plan.proposeOutcome(requirePortalCtx(request, services), request.params.projectId, request.body)),
    );

    app.post(
      '/projects/:projectId/success-metrics/:metricId/actuals',
      { config: portal, schema: { tags, summary: "Record a metric's actual value", params: MetricParams, body: ActualInput, response: { 201: SuccessPlan } } },
      async (request, reply) =>
        reply.status(201).send(await plan.recordPortalActual(requirePortalCtx(request, services), request.params.projectId, request.params.metricId, request.body)),
    );

    app.post(
      '/projects/:projectId/success-outcomes/:outcomeId/verify',
      { config: portal, schema: { tags, summary: 'Confirm an outcome is achieved (only the customer can)', params: OutcomeParams, body: VerificationInput, response: { 200: SuccessPlan } } },
      (request) => plan.confirmOutcome(requirePortalCtx(request, services), request.params.projectId, request.params.outcomeId, request.body),
    );

    app.post(
      '/projects/:projectId/colleagues',
      { config: portal, schema: { tags, summary: 'Invite a colleague from your company to this portal', params: ProjectParams, body: ColleagueInput, response: { 201: ColleagueInvited } } },
      async (request, reply) => {
        const granted = await service.inviteColleague(requirePortalCtx(request, services), request.params.projectId, request.body);
        return reply.status(201).send({ invitedAt: granted.invitedAt });
      },
    );
  };

/** The vendor's side of the portal, under /api/v1. */
export const portalAdminRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

    app.get(
      '/projects/:id/portal',
      { schema: { tags: vendorTags, summary: "A project's portal: who has access and when they came, their activity, customer tasks on time, CSAT", params: IdParams, response: { 200: PortalOverview } } },
      (request) => admin.portalOverview(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/projects/:id/portal/access',
      { schema: { tags: vendorTags, summary: 'Give a contact access (or send the invitation again): emails them an invitation', params: IdParams, body: AccessInput, response: { 201: AccessGranted } } },
      async (request, reply) => reply.status(201).send(await grantAccess(requireCtx(request, services), request.params.id, request.body.contactId)),
    );

    app.delete(
      '/projects/:id/portal/access/:contactId',
      { schema: { tags: vendorTags, summary: "Remove a contact's access to this project's portal", params: ContactParams, response: { 204: Nothing } } },
      async (request, reply) => {
        await admin.revokeAccess(requireCtx(request, services), request.params.id, request.params.contactId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/projects/:id/portal/preview',
      { config: { access: 'member' }, schema: { tags: vendorTags, summary: 'Open the portal as a contact sees it (read-only, for an hour)', params: IdParams, body: PreviewInput, response: { 200: SignedIn } } },
      async (request, reply) => {
        const { token, redirectTo } = await admin.previewAs(requireCtx(request, services), request.params.id, request.body.contactId);
        setPortalCookie(reply, services, token, 3600_000);
        return { redirectTo };
      },
    );

    app.put(
      '/projects/:id/tasks/:taskId/form',
      { schema: { tags: vendorTags, summary: 'Define the form the customer fills in on a task (null removes it)', params: z.object({ id: IdParams.shape.id, taskId: IdParams.shape.id }), body: FormDefinition, response: { 200: FormDefinition } } },
      (request) => service.defineTaskForm(requireCtx(request, services), request.params.id, request.params.taskId, request.body.fields),
    );

    app.post(
      '/projects/:id/tasks/:taskId/files',
      { schema: { tags: vendorTags, summary: 'Attach a file to a task (multipart field "file")', params: z.object({ id: IdParams.shape.id, taskId: IdParams.shape.id }), ...uploadSchema } },
      async (request, reply) => {
        const ctx = requireCtx(request, services);
        await service.uploadTarget(ctx, request.params.id, request.params.taskId);
        const upload = await readUpload(request);
        return reply.status(201).send(await service.attachFile(ctx, request.params.id, request.params.taskId, { ...upload, fieldKey: request.query.fieldKey ?? null }));
      },
    );

    app.get(
      '/projects/:id/files/:fileId',
      { schema: { tags: vendorTags, summary: 'Download a file of a task (always as an attachment)', params: z.object({ id: IdParams.shape.id, fileId: IdParams.shape.id }) } },
      (request, reply) => sendFile(requireCtx(request, services), reply, request.params.id, request.params.fileId),
    );

    app.get('/portal/settings', { schema: { tags: vendorTags, summary: "The portal's branding and what customers may do", response: { 200: PortalSettings } } }, (request) =>
      admin.portalSettings(requireCtx(request, services)),
    );

    app.put(
      '/portal/settings',
      { config: { access: 'admin' }, schema: { tags: vendorTags, summary: "Change the portal's colour, welcome message and colleague invitations", body: PortalSettingsInput, response: { 200: PortalSettings } } },
      (request) => admin.savePortalSettings(requireCtx(request, services), request.body),
    );

    app.put(
      '/portal/settings/logo',
      { config: { access: 'admin' }, schema: { tags: vendorTags, summary: 'Upload the portal logo (PNG, JPEG, WebP or GIF; multipart field "file")', consumes: ['multipart/form-data'], response: { 200: PortalSettings } } },
      async (request) => {
        const ctx = requireCtx(request, services);
        const upload = await readUpload(request);
        return admin.saveLogo(ctx, upload.bytes);
      },
    );

    app.delete(
      '/portal/settings/logo',
      { config: { access: 'admin' }, schema: { tags: vendorTags, summary: 'Remove the portal logo', response: { 200: PortalSettings } } },
      (request) => admin.removeLogo(requireCtx(request, services)),
    );
  };
