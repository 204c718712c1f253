import { defineJob } from '../../jobs/job.ts';
import { sendCertificateReminders } from './certificates.service.ts';
import { sendWebinarReminders } from './webinar-mail.service.ts';

/** As the Academy: reminders of webinars starting within a day, and of certificates expiring in 60, 30 or 7 days. */
export const academyJob = defineJob({
  name: 'academy.remind',
  does: 'reminds registered contacts of webinars within a day and certificate holders of renewals',
  run: async ({ services }) => {
    await sendWebinarReminders(services);
    await sendCertificateReminders(services);
  },
});
