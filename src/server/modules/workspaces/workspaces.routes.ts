import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import { SessionInfo } from '../../../contract/auth.ts';
import { SetupInput, SetupStatus, Workspace, WorkspacePatch } from '../../../contract/workspaces.ts';
import { sessionInfo } from '../auth/auth.routes.ts';
import { startSession } from '../auth/auth.service.ts';
import { getWorkspace, needsSetup, setUpFirstWorkspace, updateWorkspace } from './workspaces.service.ts';

const tags = ['workspace'];

export const workspaceRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/setup',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Whether this installation still needs its first admin', response: { 200: SetupStatus } },
      },
      async () => ({ needsSetup: await needsSetup(services) }),
    );

    app.post(
      '/setup',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Create the first workspace and its admin (only on an empty installation)',
          body: SetupInput,
          response: { 201: SessionInfo },
        },
      },
      async (request, reply) => {
        const { workspace, admin } = await setUpFirstWorkspace(services, request.body);
        const session = await startSession(
          services,
          { workspaceId: workspace.id, memberId: admin.id, role: 'admin', name: admin.name },
          request.headers['user-agent'],
        );
        setSessionCookie(reply, services, session.token);
        return reply.status(201).send(await sessionInfo(contextFor(services, session.actor), session.token));
      },
    );

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
