import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context.ts';
import { mailRoutes } from '../mail/mail.routes.ts';
import { accountRoutes } from '../modules/accounts/accounts.routes.ts';
import { searchRoutes } from '../modules/search/search.routes.ts';
import { myWorkRoutes } from '../modules/my-work/my-work.routes.ts';
import { apiTokenRoutes } from '../modules/api-tokens/api-tokens.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { acceptInvitationRoutes, setupRoutes } from '../modules/auth/sign-up.routes.ts';
import { cadenceRoutes } from '../modules/cadences/cadences.routes.ts';
import { journeyRoutes } from '../modules/journeys/journeys.routes.ts';
import { contactRoutes } from '../modules/contacts/contacts.routes.ts';
import { escalationRoutes } from '../modules/escalation/escalation.routes.ts';
import { assignmentRoutes } from '../modules/assignment/assignment.routes.ts';
import { lifecycleRoutes } from '../modules/projects/lifecycle.routes.ts';
import { ownerRoutes } from '../modules/projects/owners.routes.ts';
import { handoffRoutes } from '../modules/handoffs/handoffs.routes.ts';
import { intakeRoutes } from '../modules/intake/intake.routes.ts';
import { memberRoutes } from '../modules/members/members.routes.ts';
import { organizationRoutes } from '../modules/organizations/organizations.routes.ts';
import { playbookRoutes } from '../modules/playbooks/playbooks.routes.ts';
import { projectRoutes } from '../modules/projects/projects.routes.ts';
import { successPlanRoutes } from '../modules/success-plans/success-plans.routes.ts';
import { readinessRoutes } from '../modules/readiness/readiness.routes.ts';
import { workspaceRoutes } from '../modules/workspaces/workspaces.routes.ts';
import { portalAdminRoutes } from '../modules/portal/portal-admin.routes.ts';
import { portalRoutes } from '../modules/portal/portal.routes.ts';
import { deliverableRoutes } from '../modules/projects/deliverables.routes.ts';
import { academyRoutes } from '../modules/academy/academy.routes.ts';
import { productRoutes } from '../modules/products/products.routes.ts';
import { insightRoutes } from '../modules/insight/insight.routes.ts';
import { capacityRoutes } from '../modules/capacity/capacity.routes.ts';
import { academyPortalRoutes, academyScormFileRoutes } from '../modules/academy/academy-portal.routes.ts';
import { peopleRoutes } from '../modules/people/people.routes.ts';
import { peoplePortalRoutes } from '../modules/people/people-portal.routes.ts';
import { importRoutes } from '../modules/imports/imports.routes.ts';
import { ssoRoutes } from '../modules/sso/sso.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { provisioningRoutes } from '../modules/scim/provisioning.routes.ts';
import { scimRoutes } from '../modules/scim/scim.routes.ts';
import { journeyPortalRoutes, journeyRoutes as journeyMapRoutes } from '../modules/health/journey.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { webhookRoutes } from '../modules/webhooks/webhooks.routes.ts';
import { slackRoutes } from '../modules/slack/slack.routes.ts';
import { crmSyncRoutes } from '../modules/crm-sync/crm-sync.routes.ts';
import { calendarRoutes } from '../modules/calendars/calendars.routes.ts';
import { registerAccess } from './authenticate.ts';
import { installAll } from './reactions.ts';
import { staffPageFor } from './web-preload.ts';
import { registerErrorHandler } from '../http/error-handler.ts';
import { registerStrictBodies } from '../http/strict-bodies.ts';
import { registerStorableText } from '../http/storable-text.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route, as registered: the isolation test walks this list. */
    landfallRoutes: RouteInfo[];
  }
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export type App = FastifyInstance;

export async function buildApp(services: Services): Promise<App> {
  installAll();
  const { config } = services;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // Not implied by an https PUBLIC_URL: a client could then pick its own address and dodge the rate limits.
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: a cross-site HTML form cannot produce one.
  app.removeContentTypeParser('text/plain');

  const routes: RouteInfo[] = [];
  app.decorate('landfallRoutes', routes);
  registerStrictBodies(app);
  app.addHook('onRoute', (route) => {
    // The web app's files and the API docs are public reading; everything else under /api says who may call it
    // (and so do the SCORM files the portal frames, for the enrolled contact only).
    if ((!route.url.startsWith('/api/') && route.config?.access !== 'portal' && route.config?.access !== 'scim') || route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
    }
    // Routes anyone may call say so in the API docs (no lock).
    if (route.config?.access === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
    if (route.config?.access === 'portal' && route.schema) route.schema = { ...route.schema, security: [{ portal: [] }] };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access ?? 'staff' });
    }
  });

  app.addHook('onSend', async (_request, reply) => {
    // A response with a policy of its own keeps it (a file download is sandboxed: "default-src 'none'; sandbox").
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (config.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  await app.register(fastifyCookie);
  registerErrorHandler(app);
  registerStorableText(app);
  registerAccess(app, services);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Landfall API',
        version: '1',
        description:
          'Customer onboarding, from contract signed to verified value. Members authenticate with the session cookie ' +
          '(plus the x-csrf-token header on writes); integrations with `Authorization: Bearer <API token>`. ' +
          'Errors are application/problem+json (RFC 9457) with an `errors` list naming each bad field.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lf_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
          portal: { type: 'apiKey', in: 'cookie', name: 'lf_portal' },
          scimToken: { type: 'http', scheme: 'bearer', description: 'The SCIM token made in Settings → Provisioning (for /scim/v2 only).' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Is Landfall up, and on which database',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await services.database.query('select 1');
      return { status: 'ok' as const, database: services.database.engine };
    },
  );

  await app.register(
    async (api) => {
      await api.register(authRoutes(services));
      await api.register(setupRoutes(services));
      await api.register(workspaceRoutes(services));
      await api.register(memberRoutes(services));
      await api.register(acceptInvitationRoutes(services));
      await api.register(apiTokenRoutes(services));
      await api.register(webhookRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(slackRoutes(services));
      await api.register(crmSyncRoutes(services));
      await api.register(calendarRoutes(services));
      await api.register(accountRoutes(services));
      await api.register(searchRoutes(services));
      await api.register(myWorkRoutes(services));
      await api.register(contactRoutes(services));
      await api.register(organizationRoutes(services));
      await api.register(playbookRoutes(services));
      await api.register(projectRoutes(services));
      await api.register(intakeRoutes(services));
      await api.register(cadenceRoutes(services));
      await api.register(journeyRoutes(services));
      await api.register(mailRoutes(services));
      await api.register(handoffRoutes(services));
      await api.register(portalAdminRoutes(services));
      await api.register(deliverableRoutes(services));
      await api.register(successPlanRoutes(services));
      await api.register(escalationRoutes(services));
      await api.register(readinessRoutes(services));
      await api.register(assignmentRoutes(services));
      await api.register(lifecycleRoutes(services));
      await api.register(ownerRoutes(services));
      await api.register(academyRoutes(services));
      await api.register(peopleRoutes(services));
      await api.register(productRoutes(services));
      await api.register(importRoutes(services));
      await api.register(insightRoutes(services));
      await api.register(capacityRoutes(services));
      await api.register(healthRoutes(services));
      await api.register(journeyMapRoutes(services));
      await api.register(ssoRoutes(services));
      await api.register(provisioningRoutes(services));
    },
    { prefix: '/api/v1' },
  );
  await app.register(portalRoutes(services), { prefix: '/api/portal/v1' });
  await app.register(academyPortalRoutes(services), { prefix: '/api/portal/v1' });
  await app.register(peoplePortalRoutes(services), { prefix: '/api/portal/v1' });
  await app.register(journeyPortalRoutes(services), { prefix: '/api/portal/v1' });
  await app.register(academyScormFileRoutes(services));
  await app.register(scimRoutes(services), { prefix: '/scim/v2' });

  serveWebApp(app, config.webDir);
  return app;
}

/**
 * The built React app: /portal and /portal/* (the customer portal, and every link its emails carry) fall back to
 * portal.html, every other non-API path to index.html (the staff app), for client-side routing.
 */
function serveWebApp(app: FastifyInstance, webDir: string): void {
  const indexFile = path.join(webDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    void app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      serve: true,
      prefix: '/',
      // The build writes .br and .gz beside each file; the one the browser accepts is sent.
      preCompressed: true,
      // Files under /assets/ carry a hash of their content in their name: a browser keeps them for good.
      cacheControl: false,
      setHeaders: (response, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        response.setHeader('vary', 'accept-encoding');
      },
    });
  }
  const index = built ? fs.readFileSync(indexFile) : undefined;
  const staffPage = index ? staffPageFor(webDir, index) : () => undefined;
  const portalFile = path.join(webDir, 'portal.html');
  const portal = fs.existsSync(portalFile) ? fs.readFileSync(portalFile) : undefined;
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    const page = /^\/portal(?:[/?#]|$)/.test(request.url) ? portal : staffPage(request.url);
    if (!page) return reply.type('text/plain').send('The web app is not built yet: run `npm run build:web` (npm start does it for you).');
    return reply.type('text/html').header('cache-control', 'no-cache').send(page);
  });
}
