import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context.ts';
import { requireCtx } from '../http/access.ts';
import { escapeHtml } from '../../core/cadences/template.ts';
import { IdParams } from '../../contract/common.ts';
import { MailSettings, MailSettingsInput, OutboxList, OutboxListQuery, OutboxMessage, OutboxMessageFull, UnsubscribeParams } from '../../contract/mail.ts';
import * as admin from './mail.admin.ts';

const tags = ['mail'];

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export const mailRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // The unsubscribe link's confirmation form and mail clients' one-click POST (RFC 8058) send a form body.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.get(
      '/mail',
      { schema: { tags, summary: 'The outbox: every message, its state and why, newest first; filters', querystring: OutboxListQuery, response: { 200: OutboxList } } },
      (request) => admin.listOutbox(requireCtx(request, services), request.query),
    );

    app.get(
      '/mail/settings',
      { schema: { tags, summary: 'The frequency cap on automated email per contact', response: { 200: MailSettings } } },
      (request) => admin.getMailSettings(requireCtx(request, services)),
    );

    app.put(
      '/mail/settings',
      { config: { access: 'admin' }, schema: { tags, summary: 'Set the frequency cap', body: MailSettingsInput, response: { 200: MailSettings } } },
      (request) => admin.saveMailSettings(requireCtx(request, services), request.body),
    );

    app.get(
      '/mail/:id',
      { schema: { tags, summary: 'One message as rendered (HTML and text), credentials hidden; for admins, onboarding and implementation managers and CSMs', params: IdParams, response: { 200: OutboxMessageFull } } },
      (request) => admin.getOutboxMessage(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/mail/:id/retry',
      { schema: { tags, summary: 'Send a failed or bounced message again (answers with its state, not its content)', params: IdParams, response: { 200: OutboxMessage } } },
      (request) => admin.retryMessage(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/unsubscribe/:token',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'The unsubscribe link of an email: a page that asks to confirm', params: UnsubscribeParams, response: { 200: z.string(), 404: z.string() } },
      },
      async (request, reply) => {
        const info = await admin.unsubscribeInfo(services, request.params.token);
        reply.type('text/html; charset=utf-8');
        if (!info) return reply.status(404).send(page('Link not found', '<p>This unsubscribe link is not valid.</p>'));
        if (info.unsubscribed) return page('You are unsubscribed', `<p>${escapeHtml(info.email)} receives no more automated email from us.</p>`);
        return page(
          'Unsubscribe?',
          `<p>Stop the automated onboarding emails to <strong>${escapeHtml(info.email)}</strong> (${escapeHtml(info.account)})?</p>
<form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`,
        );
      },
    );

    app.post(
      '/unsubscribe/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Unsubscribe: stops every automated message to the contact (also the one-click List-Unsubscribe-Post)',
          params: UnsubscribeParams,
          response: { 200: z.string(), 404: z.string() },
        },
      },
      async (request, reply) => {
        const info = await admin.unsubscribe(services, request.params.token);
        reply.type('text/html; charset=utf-8');
        if (!info) return reply.status(404).send(page('Link not found', '<p>This unsubscribe link is not valid.</p>'));
        return page('You are unsubscribed', `<p>${escapeHtml(info.email)} receives no more automated email from us.</p>`);
      },
    );
  };
