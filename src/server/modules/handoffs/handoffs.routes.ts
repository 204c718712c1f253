import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { AnswerInput, Handoff, HandoffAnswers, HandoffSettings, QuestionInput } from '../../../contract/handoffs.ts';
import * as service from './handoffs.service.ts';

const tags = ['hand-off'];

export const handoffRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/handoff',
      { schema: { tags, summary: "The sales hand-off of a project, with its quality flags and questions", params: IdParams, response: { 200: Handoff } } },
      (request) => service.getHandoff(requireCtx(request, services), request.params.id),
    );

    app.put(
      '/projects/:id/handoff',
      {
        schema: { tags, summary: 'Save the hand-off answers (a draft until submitted)', params: IdParams, body: HandoffAnswers, response: { 200: Handoff } },
      },
      (request) => service.saveHandoffAnswers(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/projects/:id/handoff/submit',
      {
        schema: {
          tags,
          summary: 'Hand over: refused while a required answer is missing or thin',
          params: IdParams,
          response: { 200: Handoff },
        },
      },
      (request) => service.submitHandoff(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/projects/:id/handoff/questions',
      {
        schema: { tags, summary: 'Ask the rep a question about the hand-off (emailed to them)', params: IdParams, body: QuestionInput, response: { 201: Handoff } },
      },
      async (request, reply) =>
        reply.status(201).send(await service.askHandoffQuestion(requireCtx(request, services), request.params.id, request.body)),
    );

    app.post(
      '/handoff-questions/:id/answer',
      { schema: { tags, summary: 'Answer a question about the hand-off', params: IdParams, body: AnswerInput, response: { 200: Handoff } } },
      (request) => service.answerHandoffQuestion(requireCtx(request, services), request.params.id, request.body.answer),
    );

    app.get(
      '/handoff/settings',
      { schema: { tags, summary: 'Which hand-off answers this workspace requires', response: { 200: HandoffSettings } } },
      (request) => service.handoffSettings(requireCtx(request, services)),
    );

    app.put(
      '/handoff/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Set which hand-off answers are required', body: HandoffSettings, response: { 200: HandoffSettings } },
      },
      (request) => service.updateHandoffSettings(requireCtx(request, services), request.body.requiredFields),
    );
  };
