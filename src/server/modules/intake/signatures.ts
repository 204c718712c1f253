// Verifying who sent a webhook. Pure: no clock of its own, no I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_AGE_MS = 5 * 60_000;

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Landfall's own webhook signature: `x-landfall-signature: sha256=<hex HMAC of "${timestamp}.${body}">`. */
export function signLandfall(secret: string, timestampSeconds: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

export function verifyLandfall(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  now: Date,
): Verdict {
  if (!headers.timestamp || !headers.signature) {
    return { ok: false, reason: 'Send an API token, or sign the request (x-landfall-timestamp and x-landfall-signature headers).' };
  }
  const seconds = Number(headers.timestamp);
  if (!Number.isInteger(seconds)) return { ok: false, reason: 'x-landfall-timestamp must be Unix time in seconds.' };
  if (Math.abs(now.getTime() - seconds * 1000) > MAX_AGE_MS) {
    return { ok: false, reason: 'The signature is older than 5 minutes (or the clocks disagree): refused as a possible replay.' };
  }
  if (!same(signLandfall(secret, seconds, rawBody), headers.signature)) return { ok: false, reason: 'The signature does not match.' };
  return { ok: true };
}

/** HubSpot's v3 signature: base64 HMAC-SHA256 of method + full URI + body + timestamp (milliseconds). */
export function signHubspot(secret: string, method: string, uri: string, rawBody: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${method}${uri}${rawBody}${timestampMs}`).digest('base64');
}

export function verifyHubspot(
  secret: string,
  request: { method: string; uri: string; timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  now: Date,
): Verdict {
  if (!request.timestamp || !request.signature) {
    return { ok: false, reason: 'Missing X-HubSpot-Signature-v3 or X-HubSpot-Request-Timestamp.' };
  }
  const ms = Number(request.timestamp);
  if (!Number.isFinite(ms) || Math.abs(now.getTime() - ms) > MAX_AGE_MS) {
    return { ok: false, reason: 'The HubSpot request is older than 5 minutes: refused as a possible replay.' };
  }
  if (!same(signHubspot(secret, request.method, request.uri, rawBody, ms), request.signature)) {
    return { ok: false, reason: 'The HubSpot signature does not match.' };
  }
  return { ok: true };
}
