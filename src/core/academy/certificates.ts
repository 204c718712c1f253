// Certificate dates. A certificate is valid for a number of months from the day it is issued. Completing the
// path again renews it: within the renewal window (the 90 days before expiry) the new one runs on from the old
// expiry, so renewing early loses nothing; after expiry it runs from the day of the renewal. Reminders go 60, 30
// and 7 days before expiry.
import { DateTime } from 'luxon';
import type { CertificateStatus } from './words.ts';

export const RENEWAL_WINDOW_DAYS = 90;
export const REMINDER_DAYS_BEFORE = [60, 30, 7] as const;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** The expiry of a certificate issued that day (null months: never expires). End-of-month days clamp (31 Jan + 1 month = 28/29 Feb). */
export function expiryOf(issuedOn: string, validForMonths: number | null): string | null {
  return validForMonths === null ? null : day(issuedOn).plus({ months: validForMonths }).toISODate()!;
}

/** The expiry of the certificate issued on `today` for a renewal of one expiring on `previousExpiry`. */
export function renewedExpiry(previousExpiry: string | null, today: string, validForMonths: number | null): string | null {
  if (validForMonths === null) return null;
  const from = previousExpiry !== null && previousExpiry >= today ? previousExpiry : today;
  return day(from).plus({ months: validForMonths }).toISODate()!;
}

export function renewableFrom(expiresOn: string | null): string | null {
  return expiresOn === null ? null : day(expiresOn).minus({ days: RENEWAL_WINDOW_DAYS }).toISODate()!;
}

export function certificateStatus(expiresOn: string | null, today: string): CertificateStatus {
  if (expiresOn === null) return 'valid';
  if (expiresOn < today) return 'expired';
  return renewableFrom(expiresOn)! <= today ? 'expiring' : 'valid';
}

/** The reminder due today for a certificate, if any: the number of days before expiry it is for. */
export function reminderDue(expiresOn: string | null, today: string): number | null {
  if (expiresOn === null) return null;
  const daysLeft = Math.round(day(expiresOn).diff(day(today), 'days').days);
  return REMINDER_DAYS_BEFORE.find((before) => before === daysLeft) ?? null;
}
