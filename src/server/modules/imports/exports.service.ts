// Every list as CSV, with the list's own filters: the rows are read page by page through the owning module's
// service (so the same filters and the same access), and every cell goes through safeCell (no CSV injection).
import { safeCell } from '../../../core/imports/csv-cells.ts';
import { recordAudit } from '../../audit/audit.ts';
import { forReading, type Ctx } from '../../context.ts';
import { listAccounts } from '../accounts/accounts.service.ts';
import { listContacts } from '../contacts/contacts.service.ts';
import { listProjects } from '../projects/projects.service.ts';
import type { AccountListQuery } from '../../../contract/accounts.ts';
import type { ProjectListQuery } from '../../../contract/projects.ts';

export type CsvRows = AsyncIterable<string[]>;
const PAGE = 200;

/** Every export is in the audit log: who took which list, with which filter. */
const recordExport = (ctx: Ctx, what: string, filter: unknown) =>
  recordAudit(ctx, { kind: 'export.downloaded', summary: `Exported ${what} to CSV`, subject: { type: 'export', id: what }, after: { filter } });

/** The first page is read before the answer starts, so a bad filter or a missing account is still a 4xx. */
async function streamed<T>(first: T[], rest: () => AsyncIterable<T>, header: string[], cells: (item: T) => unknown[]): Promise<CsvRows> {
  return (async function* () {
    yield header;
    for (const item of first) yield cells(item).map((cell) => safeCell(cell as string));
    for await (const item of rest()) yield cells(item).map((cell) => safeCell(cell as string));
  })();
}

export async function accountsCsv(ctx: Ctx, query: Omit<AccountListQuery, 'limit' | 'offset'>): Promise<CsvRows> {
  const page = (offset: number) => listAccounts(forReading(ctx), { ...query, limit: PAGE, offset });
  const first = await page(0);
  await recordExport(ctx, 'accounts', query);
  return streamed(
    first.items,
    async function* () {
      for (let offset = PAGE; offset < first.total; offset += PAGE) yield* (await page(offset)).items;
    },
    ['name', 'domain', 'industry', 'segment', 'touch_model', 'complexity', 'contract_value', 'currency', 'contract_signed_on', 'renewal_on', 'products', 'timezone', 'laer_stage', 'owners', 'contacts', 'archived_at', 'id'],
    (a) => [a.name, a.domain, a.industry, a.segment, a.touchModel, a.complexity, a.contractValue, a.currency, a.contractSignedOn, a.renewalOn, a.products, a.timezone, a.laerStage, a.owners.map((o) => `${o.name} (${o.role})`), a.contactCount, a.archivedAt, a.id],
  );
}

/** An account's people (its contacts), current, left or all. */
export async function contactsCsv(ctx: Ctx, accountId: string, status: 'current' | 'left' | 'all'): Promise<CsvRows> {
  const people = await listContacts(forReading(ctx), accountId, status);
  await recordExport(ctx, 'contacts', { accountId, status });
  return streamed(
    people,
    async function* () {},
    ['name', 'email', 'title', 'role', 'timezone', 'joined_on', 'left_on', 'modules', 'organization_id', 'id'],
    (c) => [c.name, c.email, c.title, c.role, c.timezone, c.joinedOn, c.leftOn, c.modules, c.organizationId, c.id],
  );
}

export async function projectsCsv(ctx: Ctx, query: ProjectListQuery): Promise<CsvRows> {
  const projects = await listProjects(forReading(ctx), query);
  await recordExport(ctx, 'projects', query);
  return streamed(
    projects,
    async function* () {},
    ['name', 'account', 'segment', 'product', 'status', 'health', 'stage', 'onboarding_manager', 'day_0', 'baseline_go_live', 'projected_go_live', 'delay_days_customer', 'delay_days_vendor', 'tasks_done', 'tasks_total', 'id'],
    (p) => [p.name, p.accountName, p.segment, p.product, p.status, p.health, p.stageName, p.onboardingManager?.name, p.day0, p.baselineGoLive, p.projectedGoLive, p.delayDays.customer, p.delayDays.vendor, p.tasksDone, p.tasksTotal, p.id],
  );
}
