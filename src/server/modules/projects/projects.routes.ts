import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import {
  BulkTaskChange,
  BulkTaskResult,
  Comment,
  CommentInput,
  DelayEventOut,
  NewTask,
  Project,
  ProjectEvent,
  HistoryQuery,
  BulkTaskUpdate,
  ProjectInput,
  ProjectListQuery,
  ProjectPatch,
  ProjectSummary,
  TaskAdded,
  TaskChange,
  TaskPatch,
} from '../../../contract/projects.ts';
import * as projects from './projects.service.ts';
import * as tasks from './tasks.service.ts';
import { upgradeProject } from './upgrade.service.ts';
import { changeTasksInBulk, updateTasksInBulk } from './bulk.service.ts';

const tags = ['projects'];

export const projectRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects',
      {
        schema: {
          tags,
          summary: 'The portfolio: projects with stage, health, go-live against baseline and delay owed by side',
          querystring: ProjectListQuery,
          response: { 200: z.array(ProjectSummary) },
        },
      },
      (request) => projects.listProjects(requireCtx(request, services), request.query),
    );

    app.post(
      '/projects',
      {
        schema: {
          tags,
          summary:
            'Start an onboarding project for an account: from a playbook (the best match when none is given), blank (a go-live milestone to build on) or as a copy of another project',
          body: ProjectInput,
          response: { 201: Project },
        },
      },
      async (request, reply) => reply.status(201).send(await projects.createProject(requireCtx(request, services), request.body)),
    );

    app.get(
      '/projects/:id',
      { schema: { tags, summary: 'A project with its plan, milestones and critical path', params: IdParams, response: { 200: Project } } },
      (request) => projects.getProject(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/projects/:id',
      {
        schema: {
          tags,
          summary: 'Rename a project or give it a new day 0 (work not started moves with it; work started or done keeps its dates)',
          params: IdParams,
          body: ProjectPatch,
          response: { 200: Project },
        },
      },
      (request) => projects.updateProject(requireCtx(request, services), request.params.id, request.body),
    );

    app.get(
      '/projects/:id/history',
      {
        schema: {
          tags,
          summary: "The project's history, newest first: who changed what, from what, to what, and why; narrowed by kind of change, person or task",
          params: IdParams,
          querystring: HistoryQuery,
          response: { 200: z.array(ProjectEvent) },
        },
      },
      (request) => projects.projectHistory(requireCtx(request, services), request.params.id, request.query),
    );

    app.get(
      '/projects/:id/delays',
      {
        schema: {
          tags,
          summary: 'Every move of a milestone, owed to the customer or the vendor, with its cause',
          params: IdParams,
          response: { 200: z.array(DelayEventOut) },
        },
      },
      (request) => projects.projectDelays(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/projects/:id/upgrade',
      {
        schema: {
          tags,
          summary: "Move the project onto its playbook's newest version (work not started follows it)",
          params: IdParams,
          response: { 200: Project },
        },
      },
      (request) => upgradeProject(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/projects/:id/tasks',
      {
        schema: {
          tags,
          summary: 'Add a task to a running project; answers the task, its links and what its arrival moved',
          params: IdParams,
          body: NewTask,
          response: { 201: TaskAdded },
        },
      },
      async (request, reply) =>
        reply.status(201).send(tasks.presentTaskAdded(await tasks.addTask(requireCtx(request, services), request.params.id, request.body))),
    );

    app.post(
      '/projects/:id/tasks/bulk',
      {
        schema: {
          tags,
          summary: 'Add tasks, link tasks and re-order tasks in one request: one transaction, one re-plan (a cycle is refused, naming its tasks)',
          params: IdParams,
          body: BulkTaskChange,
          response: { 200: BulkTaskResult },
        },
      },
      (request) => changeTasksInBulk(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/projects/:id/tasks/bulk-update',
      {
        schema: {
          tags,
          summary: 'Change many tasks at once (status, assignee, or their starts moved by N business days): all of them, or none and the answer names the task that could not change',
          params: IdParams,
          body: BulkTaskUpdate,
          response: { 200: z.object({ updated: z.number().int() }) },
        },
      },
      (request) => updateTasksInBulk(requireCtx(request, services), request.params.id, request.body),
    );

    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: 'Change a task (status, actual dates, a date set by hand, assignee, links…); dependents move with it',
          params: IdParams,
          body: TaskPatch,
          response: { 200: TaskChange },
        },
      },
      async (request) => tasks.presentTaskChange(await tasks.updateTask(requireCtx(request, services), request.params.id, request.body)),
    );

    app.delete(
      '/tasks/:id',
      { schema: { tags, summary: 'Remove a task from its project', params: IdParams, response: { 200: Project } } },
      (request) => tasks.deleteTask(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/tasks/:id/comments',
      { schema: { tags, summary: "A task's comments", params: IdParams, response: { 200: z.array(Comment) } } },
      (request) => tasks.listComments(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/tasks/:id/comments',
      { schema: { tags, summary: 'Comment on a task', params: IdParams, body: CommentInput, response: { 201: Comment } } },
      async (request, reply) =>
        reply.status(201).send(await tasks.addComment(requireCtx(request, services), request.params.id, request.body.body, { internal: request.body.internal })),
    );
  };
