import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { ArchiveInput, IdParams } from '../../../contract/common.ts';
import {
  AnswersInput,
  Assessment,
  ProjectReadiness,
  Questionnaire,
  QuestionnaireInput,
  QuestionnaireQuery,
  QuestionnaireSummary,
  ReadinessSettings,
  ReasonInput,
  SendInput,
  StartAssessmentInput,
} from '../../../contract/readiness.ts';
import * as questionnaires from './questionnaires.service.ts';
import * as readiness from './readiness.service.ts';

const tags = ['readiness'];

export const readinessRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/readiness/questionnaires',
      {
        schema: {
          tags,
          summary: 'The readiness questionnaires of the workspace (the built-in one first)',
          querystring: z.object({ archived: z.enum(['include', 'exclude']).default('exclude') }),
          response: { 200: z.array(QuestionnaireSummary) },
        },
      },
      (request) => questionnaires.listQuestionnaires(requireCtx(request, services), request.query.archived === 'include'),
    );

    app.post(
      '/readiness/questionnaires',
      { schema: { tags, summary: 'Create a readiness questionnaire', body: QuestionnaireInput, response: { 201: Questionnaire } } },
      async (request, reply) => reply.status(201).send(await questionnaires.createQuestionnaire(requireCtx(request, services), request.body)),
    );

    app.get(
      '/readiness/questionnaires/:id',
      {
        schema: {
          tags,
          summary: 'A questionnaire with its questions (its current version, or the version asked for)',
          params: IdParams,
          querystring: QuestionnaireQuery,
          response: { 200: Questionnaire },
        },
      },
      (request) => questionnaires.getQuestionnaire(requireCtx(request, services), request.params.id, request.query.version),
    );

    app.put(
      '/readiness/questionnaires/:id',
      {
        schema: {
          tags,
          summary: 'Edit a questionnaire: saved as a new version, assessments under way keep theirs',
          params: IdParams,
          body: QuestionnaireInput,
          response: { 200: Questionnaire },
        },
      },
      (request) => questionnaires.updateQuestionnaire(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/readiness/questionnaires/:id/archive',
      { schema: { tags, summary: 'Archive (or restore) a questionnaire', params: IdParams, body: ArchiveInput, response: { 200: Questionnaire } } },
      (request) => questionnaires.setQuestionnaireArchived(requireCtx(request, services), request.params.id, request.body.archived),
    );

    app.get(
      '/readiness/settings',
      { schema: { tags, summary: 'The verdict thresholds and whether the readiness gate is on', response: { 200: ReadinessSettings } } },
      (request) => readiness.readinessSettings(requireCtx(request, services)),
    );

    app.put(
      '/readiness/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Set the verdict thresholds and turn the readiness gate on or off', body: ReadinessSettings, response: { 200: ReadinessSettings } },
      },
      (request) => readiness.updateReadinessSettings(requireCtx(request, services), request.body),
    );

    app.get(
      '/projects/:id/readiness',
      {
        schema: {
          tags,
          summary: "A project's readiness: the assessment under way, the latest verdict, the gate, its override and the risk",
          params: IdParams,
          response: { 200: ProjectReadiness },
        },
      },
      (request) => readiness.getProjectReadiness(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/projects/:id/readiness/assessments',
      {
        schema: {
          tags,
          summary: 'Start a readiness assessment of the project (the built-in questionnaire unless one is given)',
          params: IdParams,
          body: StartAssessmentInput,
          response: { 201: Assessment },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await readiness.startAssessment(requireCtx(request, services), request.params.id, request.body)),
    );

    app.post(
      '/projects/:id/readiness/override',
      {
        schema: {
          tags,
          summary: 'Let the project leave Mobilization although readiness does not pass (managers; the reason is recorded)',
          params: IdParams,
          body: ReasonInput,
          response: { 200: ProjectReadiness },
        },
      },
      (request) => readiness.overrideReadinessGate(requireCtx(request, services), request.params.id, request.body.reason),
    );

    app.get(
      '/readiness-assessments/:id',
      { schema: { tags, summary: 'A readiness assessment: its questions, answers (who, when) and scores', params: IdParams, response: { 200: Assessment } } },
      (request) => readiness.getAssessment(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/readiness-assessments/:id/answers',
      {
        schema: {
          tags,
          summary: 'Save some answers (the others stay; null clears one), each checked against its question type',
          params: IdParams,
          body: AnswersInput,
          response: { 200: Assessment },
        },
      },
      async (request) => {
        const ctx = requireCtx(request, services);
        return readiness.saveAnswers(ctx, request.params.id, request.body.answers, await readiness.vendorAuthor(ctx));
      },
    );

    app.post(
      '/readiness-assessments/:id/submit',
      {
        schema: { tags, summary: 'Submit the assessment and score it (every scored question must be answered)', params: IdParams, response: { 200: Assessment } },
      },
      async (request) => {
        const ctx = requireCtx(request, services);
        return readiness.submitAssessment(ctx, request.params.id, await readiness.vendorAuthor(ctx));
      },
    );

    app.post(
      '/readiness-assessments/:id/send',
      {
        schema: {
          tags,
          summary: 'Send the assessment to a customer contact to fill in through the portal',
          params: IdParams,
          body: SendInput,
          response: { 200: Assessment },
        },
      },
      (request) => readiness.sendAssessment(requireCtx(request, services), request.params.id, request.body.contactId),
    );

    app.delete(
      '/readiness-assessments/:id',
      { schema: { tags, summary: 'Discard an assessment not yet submitted', params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await readiness.discardAssessment(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/project-risks/:id/resolve',
      {
        schema: { tags, summary: 'Resolve a risk on a project, saying how', params: IdParams, body: ReasonInput, response: { 200: ProjectReadiness } },
      },
      (request) => readiness.resolveRisk(requireCtx(request, services), request.params.id, request.body.reason),
    );
  };
