// One HTTP attempt at a webhook delivery, signed per Standard Webhooks 1.0 (the official library signs). The target is
// checked again now (DNS may have changed since the endpoint was saved) and the request goes to the address that
// was checked; no redirect is followed; the answer is waited for 15 s and read for its first 1,000 characters.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { AppError } from '../../http/errors.ts';
import { checkOutboundTarget, type OutboundPolicy } from '../../security/ssrf.ts';

const TIMEOUT_MS = 15_000;

export interface SignedMessage {
  messageId: string;
  timestamp: Date;
  body: string;
  /** The current secret first, then the previous one while the rotation overlap lasts. */
  secrets: string[];
}

/** The webhook-signature header: one `v1,<base64>` per secret, space-separated (the spec's form for rotation). */
export function signatureHeader(message: SignedMessage): string {
  return message.secrets.map((secret) => new Webhook(secret).sign(message.messageId, message.timestamp, message.body)).join(' ');
}

export interface AttemptResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

export async function sendWebhook(url: string, message: SignedMessage, policy: OutboundPolicy): Promise<AttemptResult> {
  const started = Date.now();
  const done = (status: number | null, error: string | null): AttemptResult => ({ status, error: error?.slice(0, 1000) ?? null, durationMs: Date.now() - started });
  let target;
  try {
    target = await checkOutboundTarget(url, policy);
  } catch (error) {
    return done(null, error instanceof AppError ? `Not sent: ${error.message}` : String(error));
  }
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options?.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Landfall-Webhooks/1.0',
          'webhook-id': message.messageId,
          'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
          'webhook-signature': signatureHeader(message),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < 1000) text += chunk;
        });
        response.on('end', () => {
          const status = response.statusCode ?? null;
          resolve(done(status, status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}${text ? `: ${text.trim().slice(0, 300)}` : ''}`));
        });
        response.on('error', (error) => resolve(done(response.statusCode ?? null, error.message)));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => resolve(done(null, error.message)));
    request.end(message.body);
  });
}
