import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contract/common.ts';
import { AccessGranted, AccessInput, ContactParams, PortalOverview, PortalSettings, PortalSettingsInput, PreviewInput, SignedIn } from '../../../contract/portal.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { multipartLimits, readUpload } from '../projects/uploads.http.ts';
import { grantAccess } from './portal-access.service.ts';
import * as admin from './portal-admin.service.ts';
import { setPortalCookie } from './portal-cookie.ts';

const vendorTags = ['portal (vendor side)'];
const Nothing = z.null().describe('No content');

/** The vendor's side of the portal, under /api/v1. */
export const portalAdminRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, multipartLimits);

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

    app.get('/portal/settings', { schema: { tags: vendorTags, summary: "The portal's branding and what customers may do", response: { 200: PortalSettings } } }, (request) =>
      admin.portalSettings(requireCtx(request, services)),
    );

    app.put(
      '/portal/settings',
      { config: { access: 'admin' }, schema: { tags: vendorTags, summary: "Change the workspace's brand colour (portal, executive summary, PDF), the portal's welcome message and colleague invitations", body: PortalSettingsInput, response: { 200: PortalSettings } } },
      (request) => admin.savePortalSettings(requireCtx(request, services), request.body),
    );

    app.put(
      '/portal/settings/logo',
      { config: { access: 'admin' }, schema: { tags: vendorTags, summary: 'Upload the workspace logo, shown in the portal, the executive summary and its PDF (PNG or JPEG up to 512 kB; multipart field "file")', consumes: ['multipart/form-data'], response: { 200: PortalSettings } } },
      async (request) => {
        const ctx = requireCtx(request, services);
        const upload = await readUpload(request, admin.LOGO_MAX_BYTES, 'a logo');
        return admin.saveLogo(ctx, upload.bytes);
      },
    );

    app.delete(
      '/portal/settings/logo',
      { config: { access: 'admin' }, schema: { tags: vendorTags, summary: 'Remove the workspace logo (the workspace name shows instead)', response: { 200: PortalSettings } } },
      (request) => admin.removeLogo(requireCtx(request, services)),
    );
  };
