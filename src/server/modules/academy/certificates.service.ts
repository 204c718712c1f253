// Certificate renewals: 60, 30 and 7 days before a certificate expires its holder is reminded, and (from the first
// reminder) enrolled in the path again, so completing it renews the certificate from its old expiry.
import { DateTime } from 'luxon';
import { REMINDER_DAYS_BEFORE } from '../../../core/academy/certificates.ts';
import type { Services } from '../../context.ts';
import { queueCappedNotices } from '../../mail/mail.service.ts';
import * as enrolments from './enrolment.repo.ts';
import * as repo from './learning.repo.ts';
import * as paths from './paths.repo.ts';

export async function sendCertificateReminders(services: Services) {
  const db = services.database.db;
  const today = DateTime.fromJSDate(services.now(), { zone: 'utc' });
  const days = REMINDER_DAYS_BEFORE.map((before) => today.plus({ days: before }).toISODate()!);
  const due = await repo.certificatesExpiringOn(db, days);
  const portal = `${services.config.publicUrl.replace(/\/$/, '')}/portal/academy`;
  for (const c of due) {
    const path = await paths.findPath(db, c.workspace_id, c.path_id);
    if (path && !path.path.archivedAt) {
      await enrolments.enrolContacts(db, c.workspace_id, c.path_id, path.path.currentVersion, [c.contact_id], 'Certificate renewal', services.now());
    }
    await queueCappedNotices(
      db,
      services,
      c.workspace_id,
      [
        {
          dedupeKey: `certificate-renewal:${c.id}:${c.expires_on}:${days.indexOf(c.expires_on)}`,
          to: c.email,
          contactId: c.contact_id,
          subject: `Your "${c.title}" certificate expires on ${c.expires_on}`,
          text: `Hello ${c.name},\n\nYour "${c.title}" certificate expires on ${c.expires_on}. Complete the path again before then to renew it: the new certificate runs on from the old one's expiry.\n${portal}`,
        },
      ],
      'Certificate renewal',
    );
  }
}
