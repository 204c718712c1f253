// The demo's product catalogue and what it shows: three products with modules and maturity stages (and the other
// names the demo's accounts already use, so their data stays valid), an account that bought a second product
// onboarded users-only, one whose subsidiary got its own implementation, and accounts at different maturity
// stages, each with its history.
import { sql } from 'drizzle-orm';
import { contextFor, type Ctx, type Services } from '../context.ts';
import { ProductInput } from '../../contract/products.ts';
import { updateContact } from '../modules/contacts/contacts.service.ts';
import { postUsage } from '../modules/products/maturity.service.ts';
import { addOrganizationOnboarding, addProduct, createProduct } from '../modules/products/products.service.ts';
import { PRODUCTS } from './demo.catalogue.ts';
import type { DemoAdmin } from './demo-admin.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoProducts(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const paths = rowsOf<{ id: string; title: string }>(
    await vendor.db.execute(sql`select p.id, v.title from academy_paths p join academy_path_versions v on v.workspace_id = p.workspace_id
      and v.path_id = p.id and v.version = p.current_version where p.workspace_id = ${workspaceId}`),
  );
  const pathId = (title: string) => paths.find((p) => p.title === title)?.id ?? null;
  const superUsers = pathId('Admins and super-users');

  await createProduct(
    vendor,
    ProductInput.parse({
      name: 'Core Platform',
      description: 'The ledger every team works in, its reports and approvals.',
      modules: ['Ledger', 'Reports', 'Approvals'],
      enablement: pathId('End user essentials') ? [{ pathId: pathId('End user essentials'), roles: ['end_user'] }] : [],
      stages: [
        { key: 'basic', name: 'Basic', criteria: { modules: ['Ledger'] } },
        { key: 'intermediate', name: 'Intermediate', criteria: { modules: ['Reports'], usage: [{ metric: 'weekly_active', atLeast: 15 }] }, pathId: superUsers },
        { key: 'advanced', name: 'Advanced', criteria: { modules: ['Approvals'], usage: [{ metric: 'weekly_active', atLeast: 40 }] } },
      ],
    }),
  );
  await createProduct(
    vendor,
    ProductInput.parse({
      name: 'Analytics',
      description: 'Dashboards on the ledger: no implementation, its users learn it.',
      modules: ['Dashboards', 'Exports'],
      needsImplementation: false,
      stages: [
        { key: 'adopted', name: 'Adopted', criteria: { modules: ['Dashboards'] } },
        { key: 'power', name: 'Power users', criteria: { modules: ['Exports'], usage: [{ metric: 'dashboards_built', atLeast: 25 }] } },
      ],
    }),
  );
  await createProduct(
    vendor,
    ProductInput.parse({
      name: 'Workflow Automation',
      description: 'Rules that route and approve work without a person.',
      modules: ['Rules', 'Triggers'],
      stages: [
        { key: 'first-rules', name: 'First rules', criteria: { modules: ['Rules'] } },
        { key: 'automated', name: 'Automated', criteria: { modules: ['Triggers'], usage: [{ metric: 'automated_runs', atLeast: 500 }] } },
      ],
    }),
  );
  for (const name of PRODUCTS) await createProduct(vendor, ProductInput.parse({ name })).catch(() => undefined);

  // Accounts with an active project, Core Platform only, and people: the ones the stories below use.
  const candidates = rowsOf<{ id: string; name: string }>(
    await vendor.db.execute(sql`select a.id, a.name from accounts a where a.workspace_id = ${workspaceId} and a.archived_at is null
      and a.products = array['Core Platform']::text[]
      and exists (select 1 from projects p where p.workspace_id = a.workspace_id and p.account_id = a.id and p.status = 'active')
      and (select count(*) from contacts c where c.workspace_id = a.workspace_id and c.account_id = a.id and c.left_on is null) >= 2
      order by a.name limit 5`),
  );
  const [second, subsidiary, ...maturing] = candidates;
  if (second) await addProduct(vendor, second.id, { product: 'Analytics' }, 'demo');
  if (subsidiary) {
    await addOrganizationOnboarding(vendor, subsidiary.id, { name: `${subsidiary.name} Brazil`, type: 'subsidiary', users: 40, mode: 'project' });
    await addOrganizationOnboarding(vendor, subsidiary.id, { name: 'Finance', type: 'department', users: 12 });
  }

  // Maturity: each account climbs at its own pace; the stage changes are evaluated as of the day the facts arrived.
  const climbs: { weeks: number[]; modules: string[][]; usage: number[] }[] = [
    { weeks: [13, 6, 1], modules: [['Ledger'], ['Ledger', 'Reports'], ['Ledger', 'Reports', 'Approvals']], usage: [8, 22, 46] },
    { weeks: [9, 2], modules: [['Ledger'], ['Ledger', 'Reports']], usage: [6, 18] },
    { weeks: [4], modules: [['Ledger']], usage: [5] },
  ];
  for (const [index, account] of [second, ...maturing].filter(Boolean).entries()) {
    const climb = climbs[index];
    if (!account || !climb) continue;
    const people = rowsOf<{ id: string }>(
      await vendor.db.execute(sql`select id from contacts where workspace_id = ${workspaceId} and account_id = ${account.id} and left_on is null order by name limit 2`),
    );
    for (const [step, weeksAgo] of climb.weeks.entries()) {
      const at = new Date(services.now().getTime() - weeksAgo * 7 * DAY);
      const then: Ctx = contextFor({ ...services, now: () => at }, vendor.actor);
      for (const person of people) await updateContact(then, person.id, { modules: climb.modules[step]! });
      await postUsage(then, account.id, { metric: 'weekly_active', value: climb.usage[step]!, at: at.toISOString() });
    }
  }
}
