import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requirePortalCtx } from '../../http/access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { csrfTokenFor } from '../auth/auth.service.ts';
import { IdParams, WorkspaceParams } from '../../../contract/common.ts';
import { Approval, ApprovalInput, CodeInput, ColleagueInput, ColleagueInvited, CommentInput, CommentOut, EmailLinkInput, FileParams, FormAnswersInput, FormAnswersSaved, Invitation, LinkSent, Message, PortalMe, PortalProject, ProjectParams, RatingInput, RatingOut, SignedIn, SignInInput, SignInLinkInfo, StatusInput, TaskParams, TokenParams } from '../../../contract/portal.ts';
import { AnswersInput, Assessment, AssessmentSummary } from '../../../contract/readiness.ts';
import { ActualInput, OutcomeInput, PlanInput, SuccessPlan, VerificationInput } from '../../../contract/success-plans.ts';
import { multipartLimits, readUpload, sendFile, uploadSchema } from '../projects/uploads.http.ts';
import { setPortalCookie } from './portal-cookie.ts';
import * as auth from './portal-auth.service.ts';
import { brandingFor, logoOf } from '../branding/branding.service.ts';
import * as plan from './portal-plan.service.ts';
import * as service from './portal.service.ts';

const tags = ['portal'];
const AssessmentParams = TaskParams.omit({ taskId: true }).extend({ assessmentId: IdParams.shape.id });
const MetricParams = TaskParams.omit({ taskId: true }).extend({ metricId: IdParams.shape.id });
const OutcomeParams = TaskParams.omit({ taskId: true }).extend({ outcomeId: IdParams.shape.id });
const Nothing = z.null().describe('No content');


/** The customer's side: sign-in by emailed link or code, then their project. Mounted at /api/portal/v1. */
export const portalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, multipartLimits);
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
      { config: publicRoute, schema: { tags, summary: "The workspace's logo, shown in its portal and its executive summaries (?v= is the version the link was made for)", params: WorkspaceParams } },
      async (request, reply) => {
        const logo = await logoOf(services, request.params.workspaceId);
        if (!logo) throw notFound('logo');
        // A link carries the logo's version (?v=), so the version asked for is cached for good; a new logo is a new link.
        const version = (request.query as { v?: string } | undefined)?.v;
        const current = version !== undefined && version === String(logo.updatedAt?.getTime() ?? 0);
        return reply
          .type(logo.type)
          .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(logo.bytes);
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

    app.get(
      '/projects/:projectId/tasks/:taskId/calendar',
      {
        config: portal,
        schema: { tags, summary: 'Add a milestone or meeting to your calendar (an .ics file)', params: TaskParams, response: { 200: z.string().describe('text/calendar') } },
      },
      async (request, reply) => {
        const ics = await service.taskCalendar(requirePortalCtx(request, services), request.params.projectId, request.params.taskId);
        return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="landfall.ics"').send(ics);
      },
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
        const task = await service.uploadTarget(ctx, request.params.projectId, request.params.taskId); // an unknown task is 404 before the upload is read
        const upload = await readUpload(request);
        const saved = await service.attachFile(ctx, task, { ...upload, fieldKey: request.query.fieldKey ?? null });
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/projects/:projectId/files/:fileId',
      { config: portal, schema: { tags, summary: 'Download a file of a task (always as an attachment)', params: FileParams } },
      async (request, reply) => {
        const ctx = requirePortalCtx(request, services);
        return sendFile(reply, services, ctx.workspaceId, await service.projectFile(ctx, request.params.projectId, request.params.fileId));
      },
    );

    app.post(
      '/projects/:projectId/tasks/:taskId/approval',
      {
        config: portal,
        schema: { tags, summary: 'Approve or reject a deliverable, signed with your name', params: TaskParams, body: ApprovalInput, response: { 200: Approval } },
      },
      (request) => service.decideApproval(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body, request.ip),
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

