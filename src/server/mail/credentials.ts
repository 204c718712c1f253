// A message that carries a credential (an invitation, a sign-in link or code, an unsubscribe link) is stored with
// the credential replaced by a marker such as "[sign-in link hidden]". What the outbox shows is the stored text, so
// no route, role or later feature can read a credential from it; the value is kept in a column that no route
// returns (mail_outbox.credentials) and put back only in the copy handed to the SMTP server.
import { escapeHtml } from '../../core/cadences/template.ts';

/** A credential a message carries, and what the outbox says in its place ("sign-in link" → "[sign-in link hidden]"). */
export interface MailCredential {
  label: string;
  value: string;
}

/** What the outbox row keeps to put a credential back at sending time. */
export interface HiddenCredential {
  marker: string;
  value: string;
}

const replaceAll = (text: string, search: string, replacement: string) => (search ? text.split(search).join(replacement) : text);

/** The message as the outbox stores and shows it: every credential (raw and HTML-escaped) replaced by its marker. */
export function hideCredentials(body: { text: string; html: string | null }, credentials: MailCredential[]) {
  // Longest first, so a link is hidden whole before a shorter credential inside it could be.
  const sorted = credentials.filter((c) => c.value.length > 0).sort((a, b) => b.value.length - a.value.length);
  let { text, html } = body;
  const hidden: HiddenCredential[] = [];
  for (const { label, value } of sorted) {
    const marker = `[${label} hidden]`;
    text = replaceAll(text, value, marker);
    if (html !== null) html = replaceAll(replaceAll(html, value, marker), escapeHtml(value), escapeHtml(marker));
    hidden.push({ marker, value });
  }
  return { text, html, hidden };
}

/** The message as its recipient gets it: markers replaced by the credentials again (escaped in HTML). */
export function revealCredentials(body: { text: string; html: string | null }, hidden: HiddenCredential[] | null) {
  let { text, html } = body;
  for (const { marker, value } of hidden ?? []) {
    text = replaceAll(text, marker, value);
    if (html !== null) html = replaceAll(html, escapeHtml(marker), escapeHtml(value));
  }
  return { text, html };
}
