import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { Workspace, WorkspacePatch } from '../../../contract/workspaces.ts';
import { getWorkspace, updateWorkspace } from './workspaces.service.ts';

const tags = ['workspace'];

// First-admin sign-up (/setup) starts a session, so it lives with auth (auth/sign-up.routes.ts).
export const workspaceRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workspace',
      { schema: { tags, summary: 'The current workspace', response: { 200: Workspace } } },
      (request) => getWorkspace(requireCtx(request, services)),
    );

    app.patch(
      '/workspace',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Rename the workspace or change its timezone', body: WorkspacePatch, response: { 200: Workspace } },
      },
      (request) => updateWorkspace(requireCtx(request, services), request.body),
    );
  };
