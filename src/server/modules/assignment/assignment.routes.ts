import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { AssignInput, AssignmentParams, AssignmentSettings, AssignmentSettingsInput, ProjectAssignments } from '../../../contract/assignment.ts';
import { AssignmentSuggestions, SuggestionQuery } from '../../../contract/capacity.ts';
import * as service from './assignment.service.ts';

const tags = ['assignment'];

export const assignmentRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/assignment/settings',
      { schema: { tags, summary: 'Who takes a new project (the rules, in order), the team lead, and who gets the portal at the start', response: { 200: AssignmentSettings } } },
      (request) => service.assignmentSettings(requireCtx(request, services)),
    );

    app.put(
      '/assignment/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Replace the assignment rules, the team lead and the portal roles', body: AssignmentSettingsInput, response: { 200: AssignmentSettings } },
      },
      (request) => service.saveAssignmentSettings(requireCtx(request, services), request.body),
    );

    app.get(
      '/projects/:id/assignments',
      { schema: { tags, summary: 'Who was given each role of the project, and why (or why nobody was)', params: IdParams, response: { 200: ProjectAssignments } } },
      (request) => service.projectAssignments(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/projects/:id/assignments/suggestions',
      {
        schema: {
          tags,
          summary: 'Who could take a role of the project: what the rules would choose, and everyone of the role with the most hours free over the next 4 weeks first',
          params: IdParams,
          querystring: SuggestionQuery,
          response: { 200: AssignmentSuggestions },
        },
      },
      (request) => service.projectSuggestions(requireCtx(request, services), request.params.id, request.query.role),
    );

    app.put(
      '/projects/:id/assignments/:role',
      { schema: { tags, summary: 'Assign a role of the project (onboarding manager, implementation manager, CSM) by hand', params: AssignmentParams, body: AssignInput, response: { 200: ProjectAssignments } } },
      (request) => service.assignByHand(requireCtx(request, services), request.params.id, request.params.role, request.body.memberId),
    );
  };
