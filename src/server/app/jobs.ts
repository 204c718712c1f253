// Every job Landfall runs, and how often: the one table of scheduled work. `landfall worker` runs these, and
// so does `landfall serve` unless LANDFALL_JOBS=0 or --no-jobs. A recurring job runs once per clock-aligned
// period across all processes (claimed in job_runs); a queued job polls in every process and its queue's
// rows are claimed one by one. Each module keeps its own job (`<module>.job.ts`); the runner is jobs/runner.ts.
import { MINUTE, SECOND, type RegisteredJob } from '../jobs/job.ts';
import { mailJob } from '../mail/mail.job.ts';
import { cadencesJob } from '../modules/cadences/cadences.job.ts';
import { escalationJob, vendorLadderJob } from '../modules/escalation/escalation.job.ts';
import { replanJob } from '../modules/projects/projects.job.ts';
import { academyJob } from '../modules/academy/academy.job.ts';
import { bouncesJob } from '../modules/people/people.job.ts';
import { journeysJob, journeyStallsJob } from '../modules/journeys/journeys.job.ts';
import { maturityJob } from '../modules/products/products.job.ts';
import { healthJob } from '../modules/health/health.job.ts';
import { webhooksJob } from '../modules/webhooks/webhooks.job.ts';
import { auditRetentionJob } from '../audit/audit.job.ts';
import { staleImportsJob } from '../modules/imports/imports.job.ts';
import { slackJob } from '../modules/slack/slack.job.ts';
import { crmSyncJob } from '../modules/crm-sync/crm-sync.job.ts';
import { digestJob } from '../modules/insight/insight.job.ts';

export const JOBS: RegisteredJob[] = [
  // Due steps go into the outbox within 15 s; the outbox's unique key keeps each message once.
  { job: cadencesJob, every: 15 * SECOND },
  { job: escalationJob, every: 1 * MINUTE },
  // Steps are once per silence (a unique key each), so a few minutes late is fine.
  { job: vendorLadderJob, every: 5 * MINUTE },
  // Only projects not re-planned for 6 hours, 200 per run.
  { job: replanJob, every: 1 * MINUTE },
  // Webinar reminders (a day ahead) and certificate renewals (60, 30, 7 days ahead): each once, by its outbox key.
  { job: academyJob, every: 15 * MINUTE },
  // Hard bounces (written by mail delivery) mark their contacts as left within a minute.
  { job: bouncesJob, every: 1 * MINUTE },
  // User onboarding journeys: due steps within 15 s (outbox keys keep each once); stalled paths a few minutes late is fine.
  { job: journeysJob, every: 15 * SECOND },
  { job: journeyStallsJob, every: 15 * MINUTE },
  // A CSV import that stopped with its process is marked failed within a few minutes of going quiet.
  { job: staleImportsJob, every: 5 * MINUTE },
  // Every account holding a product with maturity stages, once a night (a change is recorded only when a stage moves).
  { job: maturityJob, every: 24 * 60 * MINUTE },
  // Nightly (a day's period): facts that move with time alone (days to renewal, portal silence); changes re-score at once.
  { job: healthJob, every: 24 * 60 * MINUTE, leaseMs: 10 * MINUTE },
  // Each member's digest goes from Monday 08:00 in their timezone, once per ISO week (its outbox key): hourly is on time enough.
  { job: digestJob, every: 60 * MINUTE },
  // In every process, every 5 s: exactly-once comes from the outbox (each message claimed with SKIP LOCKED
  // and a lease, sent with its own Message-ID), so nothing here is claimed per period.
  { job: mailJob, on: 'outbox', poll: 5 * SECOND },
  // The webhook outbox, the same way: each message claimed with SKIP LOCKED and a lease, its webhook-id kept on every attempt.
  { job: webhooksJob, on: 'outbox', poll: 5 * SECOND },
  // Nightly: audit entries past their workspace's retention go (the only delete the audit log allows).
  { job: auditRetentionJob, every: 24 * 60 * MINUTE },
  // Slack's outbox, the same way: each message claimed with SKIP LOCKED and a lease; failures wait longer each time.
  { job: slackJob, on: 'outbox', poll: 5 * SECOND },
  // Write-backs wait a minute to coalesce a project's changes; a claimed row and a lease keep each once.
  { job: crmSyncJob, on: 'outbox', poll: 15 * SECOND },
];
