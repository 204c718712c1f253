// Editing a playbook definition as plain data: stages and tasks added, moved, renamed and removed without
// leaving a dependency pointing at nothing; and the live preview laid out by the same engine as the server.
import type { BusinessCalendar } from '../../../core/calendar.ts';
import { DEFAULT_STAGES, type PlaybookDefinition, type PlaybookTask } from '../../../core/playbooks/definition.ts';
import { playbookPlanTasks, validatePlaybook } from '../../../core/playbooks/validate.ts';
import { schedule } from '../../../core/schedule/index.ts';
import type { GanttLink, GanttRow } from '../projects/GanttChart.tsx';

export function emptyDefinition(): PlaybookDefinition {
  return {
    name: '',
    description: '',
    touchModel: 'high',
    targetDays: 90,
    selection: { segments: [], complexities: [], products: [] },
    stages: DEFAULT_STAGES.map((stage) => ({ ...stage })),
    tasks: [],
  };
}

/** A key made of the text ("Kick-off meeting" → "kick-off_meeting"), unique among `taken`. */
export function keyFrom(text: string, taken: Iterable<string>, fallback = 'task'): string {
  const used = new Set(taken);
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^[_-]+|[_-]+$/g, '')
      .slice(0, 60) || fallback;
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
  return key;
}

const isAutoKey = (key: string) => /^new_task(_\d+)?$/.test(key) || /^new_stage(_\d+)?$/.test(key);

export function addStage(definition: PlaybookDefinition): PlaybookDefinition {
  const key = keyFrom('new_stage', definition.stages.map((s) => s.key));
  return { ...definition, stages: [...definition.stages, { key, name: 'New stage' }] };
}

/** Renames a stage; a stage still called by its placeholder key takes a key from its name. */
export function renameStage(definition: PlaybookDefinition, index: number, name: string): PlaybookDefinition {
  const stage = definition.stages[index];
  if (!stage) return definition;
  const stages = definition.stages.map((s, i) => (i === index ? { ...s, name } : s));
  return { ...definition, stages };
}

export function rekeyStage(definition: PlaybookDefinition, index: number): PlaybookDefinition {
  const stage = definition.stages[index];
  if (!stage || !isAutoKey(stage.key) || !stage.name.trim()) return definition;
  const key = keyFrom(stage.name, definition.stages.filter((_, i) => i !== index).map((s) => s.key), 'stage');
  return {
    ...definition,
    stages: definition.stages.map((s, i) => (i === index ? { ...s, key } : s)),
    tasks: definition.tasks.map((task) => (task.stage === stage.key ? { ...task, stage: key } : task)),
  };
}

export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export const stageInUse = (definition: PlaybookDefinition, key: string): number => definition.tasks.filter((task) => task.stage === key).length;

export function removeStage(definition: PlaybookDefinition, index: number): PlaybookDefinition {
  const stage = definition.stages[index];
  if (!stage || stageInUse(definition, stage.key) > 0) return definition;
  return { ...definition, stages: definition.stages.filter((_, i) => i !== index) };
}

export function addTask(definition: PlaybookDefinition, stage = definition.stages[0]?.key ?? ''): PlaybookDefinition {
  const key = keyFrom('new_task', definition.tasks.map((t) => t.key));
  const last = [...definition.tasks].reverse().find((task) => task.stage === stage) ?? definition.tasks[definition.tasks.length - 1];
  const task: PlaybookTask = {
    key,
    title: '',
    stage,
    owner: { side: 'vendor', role: 'onboarding_manager' },
    durationDays: 1,
    startOffsetDays: null,
    // A new task usually follows the one before it.
    dependsOn: last ? [{ task: last.key, lagDays: 0 }] : [],
    milestoneKind: null,
    customerVisible: true,
  };
  return { ...definition, tasks: [...definition.tasks, task] };
}

export function updateTask(definition: PlaybookDefinition, index: number, change: Partial<PlaybookTask>): PlaybookDefinition {
  return { ...definition, tasks: definition.tasks.map((task, i) => (i === index ? { ...task, ...change } : task)) };
}

/** Gives a task still called "new_task" a key from its title, and follows it in every dependency. */
export function rekeyTask(definition: PlaybookDefinition, index: number): PlaybookDefinition {
  const task = definition.tasks[index];
  if (!task || !isAutoKey(task.key) || !task.title.trim()) return definition;
  const key = keyFrom(task.title, definition.tasks.filter((_, i) => i !== index).map((t) => t.key));
  return {
    ...definition,
    tasks: definition.tasks.map((t, i) => ({
      ...t,
      key: i === index ? key : t.key,
      dependsOn: t.dependsOn?.map((d) => (d.task === task.key ? { ...d, task: key } : d)),
    })),
  };
}

/** Removes a task and every link to it. */
export function removeTask(definition: PlaybookDefinition, index: number): PlaybookDefinition {
  const removed = definition.tasks[index];
  if (!removed) return definition;
  return {
    ...definition,
    tasks: definition.tasks.filter((_, i) => i !== index).map((task) => ({ ...task, dependsOn: task.dependsOn?.filter((d) => d.task !== removed.key) })),
  };
}

/** ['tasks', 3, 'dependsOn', 0, 'task'] → "Task 4 “Solution design” › dependency 1". */
export function describeIssuePath(path: readonly (string | number)[], definition: unknown): string {
  const [section, index, field, subIndex] = path;
  if (section === 'tasks' && typeof index === 'number') {
    const tasks = (definition as { tasks?: { title?: unknown }[] } | null)?.tasks;
    const title = tasks?.[index]?.title;
    const name = `Task ${index + 1}${typeof title === 'string' && title ? ` “${title}”` : ''}`;
    if (field === 'dependsOn' && typeof subIndex === 'number') return `${name} › dependency ${subIndex + 1}`;
    return field ? `${name} › ${String(field)}` : name;
  }
  if (section === 'stages' && typeof index === 'number') return `Stage ${index + 1}${field ? ` › ${String(field)}` : ''}`;
  return path.length ? path.join(' › ') : 'The playbook';
}

export interface Preview {
  rows: GanttRow[];
  links: GanttLink[];
  end: string | null;
  problem: string | null;
}

/** Lays the playbook out from `day0` in the browser, with the engine the server uses for projects. */
export function previewPlaybook(definition: PlaybookDefinition, day0: string, calendar: BusinessCalendar): Preview {
  const empty: Preview = { rows: [], links: [], end: null, problem: null };
  if (definition.tasks.length === 0) return empty;
  const issues = validatePlaybook(definition).filter((issue) => issue.path[0] === 'tasks' && ['dependsOn', 'durationDays', 'startOffsetDays', 'key'].includes(String(issue.path[2])));
  if (issues.length > 0) return { ...empty, problem: `${describeIssuePath(issues[0]!.path, definition)}: ${issues[0]!.message}` };
  try {
    const result = schedule({ tasks: playbookPlanTasks(definition), calendar, projectStart: day0 });
    const stageOrder = new Map(definition.stages.map((stage, i) => [stage.key, i]));
    const stageName = new Map(definition.stages.map((stage) => [stage.key, stage.name || stage.key]));
    const rows = definition.tasks
      .map((task, i) => ({ task, i, projected: result.tasks[i]! }))
      .sort((a, b) => (stageOrder.get(a.task.stage) ?? 99) - (stageOrder.get(b.task.stage) ?? 99) || a.i - b.i)
      .map(({ task, projected }) => ({
        id: task.key,
        title: task.title || task.key,
        group: stageName.get(task.stage) ?? task.stage,
        start: projected.start,
        finish: projected.finish,
        milestone: task.durationDays === 0,
        critical: projected.critical,
        slackDays: projected.slack,
        side: task.owner.side,
      }));
    const links = definition.tasks.flatMap((task) => (task.dependsOn ?? []).map((d) => ({ from: d.task, to: task.key })));
    return { rows, links, end: result.projectEnd, problem: null };
  } catch (error) {
    return { ...empty, problem: error instanceof Error ? error.message : 'The plan cannot be laid out.' };
  }
}
