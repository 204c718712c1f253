import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { EscalationSettings, EscalationSettingsInput, ProjectEscalation } from '../../../contract/escalation.ts';
import * as service from './escalation.service.ts';

const tags = ['escalation'];

export const escalationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/escalation/settings',
      { schema: { tags, summary: 'The reminders and escalation ladder for customer silence', response: { 200: EscalationSettings } } },
      (request) => service.getEscalationSettings(requireCtx(request, services)),
    );

    app.put(
      '/escalation/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Turn reminders and escalation on or off and set the ladder’s steps', body: EscalationSettingsInput, response: { 200: EscalationSettings } },
      },
      (request) => service.saveEscalationSettings(requireCtx(request, services), request.body),
    );

    app.get(
      '/projects/:id/escalation',
      { schema: { tags, summary: 'A project’s overdue customer tasks, where it is on the ladder, and its stalled flag', params: IdParams, response: { 200: ProjectEscalation } } },
      (request) => service.projectEscalation(requireCtx(request, services), request.params.id),
    );
  };
