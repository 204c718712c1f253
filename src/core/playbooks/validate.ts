// Checks a playbook (typed by hand or imported as JSON) and says what is wrong in words its author understands.
import { COMPLEXITIES, CONTACT_ROLES, SEGMENTS, TOUCH_MODELS } from '../people.ts';
import { findDependencyCycle, type MilestoneKind, type PlanTask } from '../schedule/index.ts';
import { AUTOMATED_ACTIONS, MILESTONE_KINDS, VENDOR_TASK_ROLES, type PlaybookDefinition } from './definition.ts';

export interface PlaybookIssue {
  /** Where, e.g. ['tasks', 3, 'dependsOn', 0, 'task']. */
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];
type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);
const quoted = (list: readonly string[]) => list.join(', ');

/** Milestones the engine reports on; 'kickoff' and 'custom' are milestones it does not track by kind. */
const ENGINE_MILESTONES: readonly MilestoneKind[] = ['first_engagement', 'go_live', 'first_value', 'value_achieved', 'onboarding_complete'];

/** A playbook's milestone kind as the engine knows it, or null for the kinds it does not track. */
export const engineMilestone = (kind: unknown): MilestoneKind | null => (oneOf(ENGINE_MILESTONES, kind) ? kind : null);

/** The playbook's tasks as the scheduling engine reads them (ids are the task keys). */
export function playbookPlanTasks(definition: PlaybookDefinition): PlanTask[] {
  return definition.tasks.map((task) => ({
    id: task.key,
    name: task.title,
    side: task.owner.side,
    durationDays: task.durationDays,
    startOffsetDays: task.startOffsetDays ?? null,
    dependsOn: (task.dependsOn ?? []).map((d) => ({ taskId: d.task, lagDays: d.lagDays ?? 0 })),
    milestoneKind: engineMilestone(task.milestoneKind),
  }));
}

/** Every problem found, in document order; an empty list means the playbook can be used. */
export function validatePlaybook(definition: unknown): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ path, message });

  if (!isObject(definition)) {
    report([], 'a playbook must be an object with a name, stages and tasks');
    return issues;
  }
  if (!isText(definition.name)) report(['name'], 'give the playbook a name');
  if (definition.description != null && typeof definition.description !== 'string') {
    report(['description'], 'the description must be text');
  }
  if (!oneOf(TOUCH_MODELS, definition.touchModel)) {
    report(['touchModel'], `the touch model must be one of: ${quoted(TOUCH_MODELS)}`);
  }
  if (!isWhole(definition.targetDays) || definition.targetDays <= 0) {
    report(['targetDays'], 'the target length must be a whole number of days, more than 0');
  }
  validateSelection(definition.selection, report);
  const stageKeys = validateStages(definition.stages, report);
  validateTasks(definition.tasks, stageKeys, report);
  return issues;
}

function validateSelection(selection: unknown, report: (path: Path, message: string) => void): void {
  if (!isObject(selection)) {
    report(['selection'], 'say which accounts the playbook fits (segments, complexities, products; empty lists mean any)');
    return;
  }
  const lists: [string, readonly string[] | null][] = [
    ['segments', SEGMENTS],
    ['complexities', COMPLEXITIES],
    ['products', null],
  ];
  for (const [field, allowed] of lists) {
    const values = selection[field];
    if (!Array.isArray(values)) {
      report(['selection', field], `${field} must be a list (empty for any)`);
      continue;
    }
    values.forEach((value, i) => {
      if (allowed ? !oneOf(allowed, value) : !isText(value)) {
        const expected = allowed ? `one of: ${quoted(allowed)}` : 'a product name';
        report(['selection', field, i], `${JSON.stringify(value)} is not ${expected}`);
      }
    });
  }
}

function validateStages(stages: unknown, report: (path: Path, message: string) => void): Set<string> {
  const keys = new Set<string>();
  if (!Array.isArray(stages) || stages.length === 0) {
    report(['stages'], 'a playbook needs at least one stage');
    return keys;
  }
  stages.forEach((stage: unknown, i) => {
    if (!isObject(stage)) {
      report(['stages', i], 'a stage must have a key and a name');
      return;
    }
    if (!isText(stage.key)) report(['stages', i, 'key'], 'give the stage a key');
    else if (keys.has(stage.key)) report(['stages', i, 'key'], `two stages share the key ${stage.key}`);
    else keys.add(stage.key);
    if (!isText(stage.name)) report(['stages', i, 'name'], 'give the stage a name');
  });
  return keys;
}

function validateTasks(tasks: unknown, stageKeys: Set<string>, report: (path: Path, message: string) => void): void {
  // No tasks is fine: a new playbook starts empty.
  if (!Array.isArray(tasks)) {
    report(['tasks'], 'tasks must be a list');
    return;
  }
  const keys = new Set<string>();
  const taskKeys = tasks.map((task: unknown) => (isObject(task) && isText(task.key) ? task.key : null));
  for (const key of taskKeys) if (key !== null) keys.add(key);

  const seen = new Set<string>();
  const milestoneAt = new Map<string, number>();
  let graphIsSound = true;
  tasks.forEach((task: unknown, i) => {
    const at = (...rest: Path): Path => ['tasks', i, ...rest];
    if (!isObject(task)) {
      report(at(), 'a task must be an object with a key, a title, a stage, an owner and a duration');
      graphIsSound = false;
      return;
    }
    const title = isText(task.title) ? task.title : `task ${i + 1}`;
    if (!isText(task.key)) {
      report(at('key'), `give ${title} a key`);
      graphIsSound = false;
    } else if (seen.has(task.key)) {
      report(at('key'), `two tasks share the key ${task.key}`);
      graphIsSound = false;
    } else {
      seen.add(task.key);
    }
    if (!isText(task.title)) report(at('title'), 'give the task a title');
    if (task.description != null && typeof task.description !== 'string') report(at('description'), 'the description must be text');
    if (!isText(task.stage) || !stageKeys.has(task.stage)) {
      const known = stageKeys.size > 0 ? `; use one of: ${quoted([...stageKeys])}` : '';
      report(at('stage'), `${title}: unknown stage ${JSON.stringify(task.stage)}${known}`);
    }
    validateOwner(task.owner, title, at('owner'), report);

    const isMilestone = task.milestoneKind != null;
    if (!isWhole(task.durationDays) || task.durationDays < 0) {
      report(at('durationDays'), `${title}: the duration must be a whole number of business days, 0 or more`);
      graphIsSound = false;
    } else if (isMilestone && task.durationDays > 0) {
      report(at('durationDays'), `${title} is a milestone, a point in time: its duration must be 0`);
    }
    if (task.startOffsetDays != null && !isWhole(task.startOffsetDays)) {
      report(at('startOffsetDays'), `${title}: the start offset must be a whole number of days from day 0`);
      graphIsSound = false;
    }
    if (isMilestone) {
      if (!oneOf(MILESTONE_KINDS, task.milestoneKind)) {
        report(at('milestoneKind'), `${title}: the milestone must be one of: ${quoted(MILESTONE_KINDS)}`);
      } else if (task.milestoneKind !== 'custom') {
        const first = milestoneAt.get(task.milestoneKind);
        if (first !== undefined) {
          report(at('milestoneKind'), `${title}: the ${task.milestoneKind} milestone is already task ${first + 1}; a playbook has one of each`);
        } else {
          milestoneAt.set(task.milestoneKind, i);
        }
      }
    }
    for (const flag of ['deliverable', 'needsApproval', 'customerVisible'] as const) {
      if (task[flag] != null && typeof task[flag] !== 'boolean') report(at(flag), `${flag} must be true or false`);
    }
    if (task.checklist != null && (!Array.isArray(task.checklist) || !task.checklist.every(isText))) {
      report(at('checklist'), 'the checklist must be a list of non-empty items');
    }
    if (task.completesOn != null && !oneOf(AUTOMATED_ACTIONS, task.completesOn)) {
      report(at('completesOn'), `${title}: completes on must be one of: ${quoted(AUTOMATED_ACTIONS)}`);
    }
    if (!validateDependencies(task.dependsOn, isText(task.key) ? task.key : null, title, keys, at('dependsOn'), report)) {
      graphIsSound = false;
    }
  });

  // The engine can only look for a cycle in a graph whose keys, durations and links all make sense.
  if (graphIsSound) reportCycle(tasks as PlaybookDefinition['tasks'], report);
}

function validateOwner(owner: unknown, title: string, path: Path, report: (path: Path, message: string) => void): void {
  if (!isObject(owner) || (owner.side !== 'vendor' && owner.side !== 'customer')) {
    report(path, `${title}: say who owns the task, a vendor role or a customer role`);
    return;
  }
  const roles: readonly string[] = owner.side === 'vendor' ? VENDOR_TASK_ROLES : CONTACT_ROLES;
  if (!oneOf(roles, owner.role)) {
    report([...path, 'role'], `${title}: a ${owner.side} owner is one of: ${quoted(roles)}`);
  }
}

/** False when the links cannot be scheduled as they stand. */
function validateDependencies(
  dependsOn: unknown,
  key: string | null,
  title: string,
  keys: Set<string>,
  path: Path,
  report: (path: Path, message: string) => void,
): boolean {
  if (dependsOn == null) return true;
  if (!Array.isArray(dependsOn)) {
    report(path, `${title}: dependencies must be a list`);
    return false;
  }
  let sound = true;
  const seen = new Set<string>();
  dependsOn.forEach((dependency: unknown, k) => {
    if (!isObject(dependency) || !isText(dependency.task)) {
      report([...path, k, 'task'], `${title}: name the task it depends on`);
      sound = false;
      return;
    }
    const other = dependency.task;
    if (other === key) {
      report([...path, k, 'task'], `${title} cannot depend on itself`);
      sound = false;
    } else if (!keys.has(other)) {
      report([...path, k, 'task'], `${title} depends on a task that does not exist: ${other}`);
      sound = false;
    } else if (seen.has(other)) {
      report([...path, k, 'task'], `${title} depends on ${other} twice`);
    }
    seen.add(other);
    if (dependency.lagDays != null && !isWhole(dependency.lagDays)) {
      report([...path, k, 'lagDays'], `${title}: the lag must be a whole number of business days`);
      sound = false;
    }
  });
  return sound;
}

/** Names the cycle by task titles, and points at the link that closes it back to the first task. */
function reportCycle(tasks: PlaybookDefinition['tasks'], report: (path: Path, message: string) => void): void {
  // Only the links matter here; the rest of each task may still be wrong (and is reported on its own).
  const cycle = findDependencyCycle(
    tasks.map((task) => ({
      id: task.key,
      side: 'vendor',
      durationDays: task.durationDays,
      dependsOn: (task.dependsOn ?? []).map((d) => ({ taskId: d.task, lagDays: d.lagDays ?? 0 })),
    })),
  );
  if (!cycle) return;
  const index = new Map(tasks.map((task, i) => [task.key, i]));
  const titles = cycle.map((key) => {
    const title: unknown = tasks[index.get(key)!]!.title;
    return isText(title) ? title : key;
  });
  const first = cycle[0]!;
  const closing = cycle[cycle.length - 2]!;
  const firstIndex = index.get(first)!;
  const link = (tasks[firstIndex]!.dependsOn ?? []).findIndex((d) => d.task === closing);
  report(['tasks', firstIndex, 'dependsOn', link, 'task'], `dependency cycle: ${titles.join(' → ')}`);
}
