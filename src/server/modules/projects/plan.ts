// Between the database rows of a project and the pure scheduling engine: build its input, run it, write back
// what moved, with the history and the delay owed to each side.
import { randomUUID } from 'node:crypto';
import { workspaceToday, type BusinessCalendar } from '../../../core/calendar.ts';
import {
  attributeDelays,
  attributeSlip,
  currentStage,
  projectFinished,
  reportedSlip,
  schedule,
  ScheduleError,
  type ProjectTask as EngineTask,
  type ScheduleResult,
  type TaskSide,
  type TaskStatus,
} from '../../../core/schedule/index.ts';
import { engineMilestone } from '../../../core/playbooks/validate.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './projects.repo.ts';
import { actorOf, recordEvents, type EventRow } from '../history/history.service.ts';
import { businessCalendarOf } from '../workspaces/workspaces.service.ts';

// The same calendar read again answers the same object, so core's business-day index of it (memoised per object)
// stays warm across requests instead of being rebuilt for each; bounded, a workspace's calendar rarely changes.
const calendars = new Map<string, BusinessCalendar>();

/** The workspace's business-day calendar, public holidays included (the workspaces module owns it). */
export async function calendarOf(db: Db, workspaceId: string): Promise<BusinessCalendar> {
  const calendar = await businessCalendarOf(db, workspaceId);
  const key = `${calendar.timeZone} ${calendar.workingWeekdays.join()} ${calendar.holidays.join()}`;
  const known = calendars.get(key);
  if (known) return known;
  if (calendars.size >= 256) calendars.delete(calendars.keys().next().value!);
  calendars.set(key, calendar);
  return calendar;
}

export const todayFor = (ctx: Ctx, calendar: BusinessCalendar) => workspaceToday(ctx.services.now(), calendar);

type PlanRow = Pick<
  repo.TaskRow,
  | 'id'
  | 'title'
  | 'ownerSide'
  | 'durationDays'
  | 'startOffsetDays'
  | 'milestoneKind'
  | 'status'
  | 'actualStart'
  | 'actualFinish'
  | 'pinnedStart'
  | 'baselineStart'
  | 'baselineFinish'
>;

export function engineTasks(rows: PlanRow[], dependencies: { predecessorId: string; successorId: string; lagDays: number }[]): EngineTask[] {
  const predecessors = new Map<string, { taskId: string; lagDays: number }[]>();
  for (const dependency of dependencies) {
    const list = predecessors.get(dependency.successorId) ?? [];
    list.push({ taskId: dependency.predecessorId, lagDays: dependency.lagDays });
    predecessors.set(dependency.successorId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.title,
    side: row.ownerSide as TaskSide,
    durationDays: row.durationDays,
    startOffsetDays: row.startOffsetDays,
    dependsOn: predecessors.get(row.id) ?? [],
    milestoneKind: engineMilestone(row.milestoneKind),
    status: row.status as TaskStatus,
    actualStart: row.actualStart,
    actualFinish: row.actualFinish,
    pinnedStart: row.pinnedStart,
    baselineStart: row.baselineStart,
    baselineFinish: row.baselineFinish,
  }));
}

/** Runs the engine; a plan it cannot schedule (a cycle…) is the caller's mistake, said in their words. */
export function runSchedule(tasks: EngineTask[], calendar: BusinessCalendar, projectStart: string, today: string | null, path = ['body']) {
  try {
    return schedule({ tasks, calendar, projectStart, today });
  } catch (error) {
    if (error instanceof ScheduleError) {
      const field = error.code === 'dependency_cycle' || error.code === 'unknown_dependency' ? 'dependsOn' : undefined;
      throw new AppError('invalid', error.message, { errors: [{ path: field ? [...path, field] : path, message: error.message }] });
    }
    throw error;
  }
}

/** The projection as it was saved, in the engine's shape, for attributing what moved since. */
function savedProjection(rows: repo.PlanTaskRow[]): ScheduleResult | undefined {
  if (rows.some((row) => !row.projectedStart || !row.projectedFinish)) return undefined;
  return {
    tasks: rows.map((row) => ({
      id: row.id,
      start: row.projectedStart!,
      finish: row.projectedFinish!,
      slack: row.slackDays,
      critical: row.critical,
      health: row.health as 'on_track',
      startReason: (row.startReason ?? 'predecessor') as 'predecessor',
      drivenBy: row.drivenBy,
    })),
    projectEnd: rows.reduce((end, row) => (row.projectedFinish! > end ? row.projectedFinish! : end), rows[0]?.projectedFinish ?? ''),
    criticalPath: [],
    health: 'on_track',
  };
}

export interface Moved {
  id: string;
  position: number;
  projectedStart: string;
  projectedFinish: string;
  slackDays: number;
  critical: boolean;
  health: string;
  startReason: string;
  drivenBy: string | null;
}

/** The columns of a task a re-plan that moved it wrote, to present it without reading it back. */
export const projectionOf = (moved: Moved) => ({
  projectedStart: moved.projectedStart,
  projectedFinish: moved.projectedFinish,
  slackDays: moved.slackDays,
  critical: moved.critical,
  health: moved.health,
  startReason: moved.startReason,
  drivenBy: moved.drivenBy,
});

/**
 * Recomputes a project's projected dates after a change and saves what moved: the tasks' new dates, one history
 * line for the re-plan carrying every finish that moved (written with the change's own lines), the log of days each
 * milestone moved (delay_events, history), and the slip each milestone owes as the project now stands
 * (milestone_slips, the figures shown and reported).
 */
export async function reschedule(
  ctx: Ctx,
  project: { id: string; day0: string; stages: unknown },
  why: string,
  known: { calendar?: BusinessCalendar; /** History lines of the change itself, written with the re-plan's. */ lines?: EventRow[] } = {},
) {
  const who = actorOf(ctx);
  const { db, workspaceId } = ctx;
  const rows = await repo.planTaskRows(db, workspaceId, project.id);
  const dependencies = await repo.planDependencyRows(db, workspaceId, project.id);
  const calendar = known.calendar ?? (await calendarOf(db, workspaceId));
  const today = todayFor(ctx, calendar);
  const tasks = engineTasks(rows, dependencies);
  const next = runSchedule(tasks, calendar, project.day0, today);
  const previous = savedProjection(rows);
  const now = ctx.services.now();

  const moved: Moved[] = [];
  const finishMoves: [string, string, string][] = [];
  const updates: repo.ProjectionUpdate[] = [];
  next.tasks.forEach((projected, i) => {
    const row = rows[i]!;
    const datesMoved = row.projectedStart !== projected.start || row.projectedFinish !== projected.finish;
    if (
      datesMoved ||
      row.slackDays !== projected.slack ||
      row.critical !== projected.critical ||
      row.health !== projected.health ||
      row.startReason !== projected.startReason ||
      row.drivenBy !== projected.drivenBy
    ) {
      const update = {
        id: row.id,
        position: row.position,
        projectedStart: projected.start,
        projectedFinish: projected.finish,
        slackDays: projected.slack,
        critical: projected.critical,
        health: projected.health,
        startReason: projected.startReason,
        drivenBy: projected.drivenBy,
      };
      updates.push(update);
      moved.push(update);
    }
    if (row.projectedFinish && row.projectedFinish !== projected.finish) finishMoves.push([row.id, row.projectedFinish, projected.finish]);
  });
  // One history line for the re-plan, carrying every projected finish that moved (the history answers one per task).
  const events: EventRow[] = [...(known.lines ?? [])];
  if (finishMoves.length) {
    events.push({ workspaceId, projectId: project.id, ...who, kind: 'projected', field: 'projected_finish', moves: finishMoves, reason: why, createdAt: now });
  }

  const delays = previous ? attributeDelays({ tasks, previous, next, calendar }) : [];
  await repo.saveProjections(db, workspaceId, project.id, updates, now);
  await recordEvents(ctx, events);
  await repo.insertDelays(
    db,
    delays
      .filter((delay) => delay.days !== 0)
      .map((delay) => ({
        workspaceId,
        projectId: project.id,
        milestoneTaskId: delay.milestoneId,
        causeTaskId: delay.causeTaskId,
        side: delay.side,
        days: delay.days,
        fromDate: delay.fromDate,
        toDate: delay.toDate,
        createdAt: now,
      })),
  );
  const delayDays = await saveSlip(ctx, project.id, tasks, next, calendar);
  await repo.updateProject(db, workspaceId, project.id, {
    health: next.health,
    projectedEnd: next.projectEnd,
    ...progressOf(project, rows, tasks, next),
    updatedAt: now,
  });
  return { moved, delays, delayDays, today, health: next.health, projectEnd: next.projectEnd };
}

/** The project's stage and whether it is finished, by core's progress rules. */
function progressOf(project: { stages: unknown }, rows: { stage: string }[], tasks: EngineTask[], projection: ScheduleResult) {
  const progress = tasks.map((task, i) => ({
    stage: rows[i]!.stage,
    status: task.status ?? 'not_started',
    milestoneKind: task.milestoneKind,
    durationDays: task.durationDays,
    projectedStart: projection.tasks[i]!.start,
  }));
  const stages = Array.isArray(project.stages) ? (project.stages as { key: string }[]) : [];
  return { currentStage: currentStage(stages, progress), finished: projectFinished(progress) };
}

/**
 * Computes the slip each milestone owes from the project as it stands (core's attributeSlip) and stores it, replacing
 * what the last re-plan stored where it changed. Returns the slip the project reports, by side.
 */
async function saveSlip(ctx: Ctx, projectId: string, tasks: EngineTask[], projection: ScheduleResult, calendar: BusinessCalendar) {
  const { db, workspaceId } = ctx;
  const slips = attributeSlip({ tasks, projection, calendar });
  const rows = slips.flatMap((slip) =>
    slip.causes.map((cause) => ({ workspaceId, projectId, milestoneTaskId: slip.milestoneId, causeTaskId: cause.taskId, side: cause.side, days: cause.days })),
  );
  await repo.replaceMilestoneSlips(db, workspaceId, projectId, rows);
  const reported = reportedSlip(tasks, slips);
  return { customer: reported?.customer ?? 0, vendor: reported?.vendor ?? 0 };
}

/**
 * Lays out new tasks: the baseline is the plan as committed today (work dated before today that is not done
 * starts today), frozen from now on; the projection starts equal to it and moves as work happens.
 */
export function layOut(tasks: EngineTask[], calendar: BusinessCalendar, day0: string, today: string) {
  const baseline = runSchedule(tasks, calendar, day0, today);
  const withBaseline = tasks.map((task, i) => ({
    ...task,
    baselineStart: baseline.tasks[i]!.start,
    baselineFinish: baseline.tasks[i]!.finish,
  }));
  const projected = runSchedule(withBaseline, calendar, day0, today);
  return { baseline, projected };
}

export const newTaskId = () => randomUUID();
