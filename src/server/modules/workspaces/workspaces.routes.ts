import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { HolidayCountry, HolidayCountryParams, PublicHoliday, PublicHolidaysQuery, Workspace, WorkspacePatch } from '../../../contract/workspaces.ts';
import { holidayCountries, publicHolidaysOfYear } from './public-holidays.ts';
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
        schema: {
          tags,
          summary: 'Rename the workspace or change its calendar (timezone, working days, holidays, public holidays by country)',
          body: WorkspacePatch,
          response: { 200: Workspace },
        },
      },
      (request) => updateWorkspace(requireCtx(request, services), request.body),
    );

    // Reference data, the same for everyone, and needed by the first admin before there is a workspace.
    app.get(
      '/holiday-calendars',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'The countries and regions whose public holidays a workspace can observe', response: { 200: z.array(HolidayCountry) } },
      },
      async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').send(holidayCountries()),
    );

    app.get(
      '/holiday-calendars/:country/holidays',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "A country's (and region's) public holidays of a year: the days off it adds (this year when none is given)",
          params: HolidayCountryParams,
          querystring: PublicHolidaysQuery,
          response: { 200: z.array(PublicHoliday) },
        },
      },
      async (request) =>
        publicHolidaysOfYear(request.params.country, request.query.region ?? null, request.query.year ?? services.now().getUTCFullYear()),
    );
  };
