import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams, WorkspaceParams } from '../../../contract/common.ts';
import { CalendarFeed, CalendarFeedInput, MeetingInvitationInput } from '../../../contract/integrations.ts';
import * as service from './calendars.service.ts';

const tags = ['calendars'];
const FeedFileParams = WorkspaceParams.extend({
  file: z.string().regex(/^[A-Za-z0-9_-]{32}\.ics$/, { message: 'must be the calendar address you were given' }),
});

export const calendarRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar-feeds',
      { config: { access: 'staff' }, schema: { tags, summary: "Your calendar feed and the projects' feeds (their addresses are shown only when made)", response: { 200: z.array(CalendarFeed) } } },
      (request) => service.listCalendarFeeds(requireCtx(request, services)),
    );

    app.post(
      '/calendar-feeds',
      {
        config: { access: 'staff' },
        schema: { tags, summary: 'Make (or regenerate) a secret calendar feed address: yours, or a project’s; the old address stops working', body: CalendarFeedInput, response: { 201: CalendarFeed } },
      },
      async (request, reply) => reply.status(201).send(await service.createCalendarFeed(requireCtx(request, services), request.body)),
    );

    app.delete(
      '/calendar-feeds/:id',
      { config: { access: 'staff' }, schema: { tags, summary: 'Revoke a calendar feed address', params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.revokeCalendarFeed(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/calendar/:workspaceId/:file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A calendar feed (iCalendar) behind its secret address: milestones, customer meetings, webinars',
          params: FeedFileParams,
          response: { 200: z.string().describe('text/calendar') },
        },
      },
      async (request, reply) => {
        const body = await service.readCalendarFeed(services, request.params.workspaceId, request.params.file.slice(0, -'.ics'.length));
        return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
      },
    );

    app.post(
      '/calendar/meetings/:id/invitation',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: "Email a customer meeting's calendar invitation (METHOD:REQUEST) to contacts of the project",
          params: IdParams,
          body: MeetingInvitationInput,
          response: { 202: z.object({ invited: z.number() }) },
        },
      },
      async (request, reply) => reply.status(202).send(await service.sendMeetingInvitation(requireCtx(request, services), request.params.id, request.body)),
    );
  };
