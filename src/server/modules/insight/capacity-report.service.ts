// The 12-week capacity report: per manager, the hours booked and coming against the hours available, the won deals
// not yet projects with the playbook they will get and who the assignment rules (or the most room) would give them
// to, and a warning for each person before they are over-booked.
import { effortOf, type ComingProject } from '../../../core/capacity/capacity.ts';
import { regionOf } from '../../../core/assignment/choose.ts';
import { VENDOR_TASK_ROLES } from '../../../core/playbooks/definition.ts';
import type { CapacityQuery, CapacityReport } from '../../../contract/capacity.ts';
import { WonDeal } from '../../../contract/intake.ts';
import type { Ctx } from '../../context.ts';
import { suggestAssignees } from '../assignment/assignment.service.ts';
import { bestPlaybookFor } from '../playbooks/playbooks.service.ts';
import { dealsWaiting, loadCapacity, MANAGER_ROLES, presentWarning } from '../capacity/capacity.service.ts';

const METHOD =
  'Booked: the open tasks of active projects given to the person, each its hours of work (as estimated on the task or its ' +
  'playbook, else the default for its kind: a milestone 1 h, a task 1 h a business day up to 8 h, a deliverable 4 h and 1 h a day ' +
  'up to 12 h, an approval 2 h more) spread evenly over the business days the plan gives it; work past its dates counts this week. ' +
  'Coming: won deals not yet projects (their intake waits for a replay), the hours of the onboarding manager’s tasks in the ' +
   'playbook they will get, spread over the playbook’s length, on whom the assignment rules would give them to. Available: the person’s weekly hours over the workspace’s ' +
  'working days, less holidays and their days off. A week at 90% is nearly full; above 100% over-booked.';

type Suggestion = { member: { id: string; name: string } | null; reason: string };

export async function capacityReport(ctx: Ctx, query: CapacityQuery): Promise<CapacityReport> {
  const deals: CapacityReport['coming'] = [];
  const loaded = await loadCapacity(ctx, query.role ? [query.role] : MANAGER_ROLES, async (today) => {
    const coming: ComingProject[] = [];
    for (const row of await dealsWaiting(ctx)) {
      const parsed = WonDeal.safeParse(row.payload);
      if (!parsed.success) continue;
      const deal = parsed.data;
      const playbook = await bestPlaybookFor(ctx, { segment: deal.company.segment, complexity: deal.company.complexity, products: deal.products });
      const managerTasks = playbook?.definition.tasks.filter((task) => task.owner.side === 'vendor' && task.owner.role === VENDOR_TASK_ROLES[0]) ?? [];
      const effortHours = managerTasks.reduce((sum, task) => sum + effortOf(task), 0);
      const suggestion: Suggestion = (await suggestAssignees(ctx, 'onboarding_manager', { segment: deal.company.segment, product: deal.products[0] ?? null, region: regionOf(deal.company.timezone) })).rule;
      const start = deal.closedOn > today ? deal.closedOn : today;
      deals.push({
        dealId: row.dealId,
        company: deal.company.name,
        closedOn: deal.closedOn,
        playbook: playbook ? { id: playbook.id, name: playbook.name } : null,
        effortHours: Math.round(effortHours * 10) / 10,
        suggested: suggestion.member,
        reason: suggestion.reason,
      });
      coming.push({ key: row.dealId, name: deal.company.name, memberId: suggestion.member?.id ?? null, effortHours, start, businessDays: Math.max(5, Math.round(((playbook?.definition.targetDays ?? 30) * 5) / 7)) });
    }
    return coming;
  });
  const { view, people, today } = loaded;
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    today,
    weeks: view.weeks,
    people: view.people.map((person) => {
      const row = byId.get(person.id)!;
      return { id: person.id, name: person.name, role: row.role, weeklyHours: row.weeklyHours, timeOff: row.timeOff, weeks: person.weeks };
    }),
    unassigned: view.unassigned,
    coming: deals,
    warnings: view.warnings.map(presentWarning),
    method: METHOD,
  };
}
