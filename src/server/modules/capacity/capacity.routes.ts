import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { MemberCapacity, MemberCapacityPatch, TimeOff, TimeOffInput, TimeOffParams } from '../../../contract/capacity.ts';
import * as service from './capacity.service.ts';

const tags = ['capacity'];

export const capacityRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/members/:id/capacity',
      { schema: { tags, summary: 'A member’s weekly hours, days off, weekly digest and capacity warning', params: IdParams, response: { 200: MemberCapacity } } },
      (request) => service.memberCapacity(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/members/:id/capacity',
      {
        // Any member, leaders too (read-only elsewhere): their own hours and digest are theirs to set.
        config: { access: 'member' },
        schema: { tags, summary: 'Change a member’s weekly hours, weekly digest or timezone (their own, or anyone’s for an admin)', params: IdParams, body: MemberCapacityPatch, response: { 200: MemberCapacity } },
      },
      (request) => service.updateMemberCapacity(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/members/:id/time-off',
      { config: { access: 'member' }, schema: { tags, summary: 'Add days off for a member (their own, or anyone’s for an admin)', params: IdParams, body: TimeOffInput, response: { 201: TimeOff } } },
      async (request, reply) => reply.code(201).send(await service.addTimeOff(requireCtx(request, services), request.params.id, request.body)),
    );

    app.delete(
      '/members/:id/time-off/:timeOffId',
      { config: { access: 'member' }, schema: { tags, summary: 'Remove days off of a member', params: TimeOffParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.removeTimeOff(requireCtx(request, services), request.params.id, request.params.timeOffId);
        return reply.code(204).send(null);
      },
    );
  };
