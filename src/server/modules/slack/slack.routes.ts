import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { WorkspaceParams } from '../../../contract/common.ts';
import { SlackChannel, SlackChannelInput, SlackChannelParams, SlackConnectInput, SlackDelivery, SlackSettings, SlackSettingsPatch } from '../../../contract/integrations.ts';
import * as service from './slack.service.ts';

const tags = ['slack'];
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const slackRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/slack',
      { config: { access: 'admin' }, schema: { tags, summary: 'Slack connection, channel choice and the event × channel matrix', response: { 200: SlackSettings } } },
      (request) => service.slackSettings(requireCtx(request, services)),
    );

    app.put(
      '/slack',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Connect Slack: the bot token (checked with auth.test) and signing secret, stored sealed', body: SlackConnectInput, response: { 200: SlackSettings } },
      },
      (request) => service.connectSlack(requireCtx(request, services), request.body),
    );

    app.patch(
      '/slack',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'A channel per project or per account, and which events post where', body: SlackSettingsPatch, response: { 200: SlackSettings } },
      },
      (request) => service.updateSlackSettings(requireCtx(request, services), request.body),
    );

    app.delete(
      '/slack',
      { config: { access: 'admin' }, schema: { tags, summary: 'Disconnect Slack (nothing more is posted)', response: { 204: z.null() } } },
      async (request, reply) => {
        await service.disconnectSlack(requireCtx(request, services));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/slack/channels',
      { config: { access: 'staff' }, schema: { tags, summary: 'The Slack channel of each project or account', response: { 200: z.array(SlackChannel) } } },
      (request) => service.listSlackChannels(requireCtx(request, services)),
    );

    app.put(
      '/slack/channels/:scope/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: "Give a project or account its Slack channel: an existing one by id, or a new one (conversations.create)",
          params: SlackChannelParams,
          body: SlackChannelInput,
          response: { 200: SlackChannel },
        },
      },
      (request) => service.setSlackChannel(requireCtx(request, services), request.params.scope, request.params.id, request.body),
    );

    app.get(
      '/slack/deliveries',
      { config: { access: 'admin' }, schema: { tags, summary: 'The last 100 messages for Slack and how each went', response: { 200: z.array(SlackDelivery) } } },
      (request) => service.slackDeliveries(requireCtx(request, services)),
    );

    // Slack sends button presses form-encoded, signed over the raw body: keep it as it came.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.post(
      '/slack/interactions/:workspaceId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "Slack's interactivity request URL: buttons pressed in Slack (Mark done, Snooze; signed with the app's signing secret)",
          description:
            'Slack signs with X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">; a bad signature or a request older than 5 minutes is refused (401). ' +
            "Anything else is answered 200 and, through the press's response_url, in Slack: the message replaced for everyone (Mark done), or a line only the presser sees (a snooze, a refusal, an unknown button or task).",
          params: WorkspaceParams,
          body: z.string().max(100_000).optional(),
          response: { 200: z.object({ text: z.string() }) },
        },
      },
      (request) =>
        service.handleSlackInteraction(services, request.params.workspaceId, {
          timestamp: header(request.headers['x-slack-request-timestamp']),
          signature: header(request.headers['x-slack-signature']),
          rawBody: typeof request.body === 'string' ? request.body : '',
        }),
    );
  };
