import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { AccountOnboarding, ContactJourneys, Journey, JourneyInput, JourneyListQuery, JourneyPatch } from '../../../contract/journeys.ts';
import * as service from './journeys.service.ts';
import { accountOnboarding } from './onboarding.service.ts';

const tags = ['journeys'];

export const journeyRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/journeys',
      { schema: { tags, summary: 'User onboarding journeys (the built-in ones per role are added on first use)', querystring: JourneyListQuery, response: { 200: z.array(Journey) } } },
      (request) => service.listJourneys(requireCtx(request, services), request.query.archived === 'include'),
    );

    app.post(
      '/journeys',
      { schema: { tags, summary: 'Create a user onboarding journey', body: JourneyInput, response: { 201: Journey } } },
      async (request, reply) => reply.status(201).send(await service.createJourney(requireCtx(request, services), request.body)),
    );

    app.get(
      '/journeys/:id',
      { schema: { tags, summary: 'One journey with its steps', params: IdParams, response: { 200: Journey } } },
      (request) => service.getJourney(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/journeys/:id',
      {
        schema: {
          tags,
          summary: 'Change a journey: only the fields sent (steps keep their ids; paused: false resumes it)',
          params: IdParams,
          body: JourneyPatch,
          response: { 200: Journey },
        },
      },
      (request) => service.patchJourney(requireCtx(request, services), request.params.id, request.body),
    );

    app.get(
      '/contacts/:id/journey',
      { schema: { tags, summary: 'The journey a contact is on (its next step) and the ones before', params: IdParams, response: { 200: ContactJourneys } } },
      (request) => service.contactJourneys(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/accounts/:id/onboarding',
      {
        schema: {
          tags,
          summary: "An account's users: onboarding state, guide, journey, time to onboarded; its super-users and their coverage",
          params: IdParams,
          response: { 200: AccountOnboarding },
        },
      },
      (request) => accountOnboarding(requireCtx(request, services), request.params.id),
    );
  };
