import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import { CheckinSettings, CheckinSettingsInput, Task, TaskCreate, TaskPatch } from './schemas.js';
import { putSettings, settingsView } from './checkin.js';
import { createTask, getTask, TASK_COLS, taskViews, updateTask, type TaskRow } from './tasks.js';

/** 签到与任务 for the brand's staff: the check-in settings with results, and the tasks with theirs. */
export function taskRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['check-in and tasks 签到与任务'];

  app.get(
    '/checkin-settings',
    { schema: { tags, summary: 'Check-in 签到: on or off, the rewards of day 1..n of a streak, and results', response: responses({ 200: CheckinSettings }) } },
    async (req) => {
      requireAccess(req.caller!, 'tasks.read');
      return settingsView(ctx.db, req.caller!.tenantId, ctx.clock.now());
    },
  );

  app.put(
    '/checkin-settings',
    {
      schema: {
        tags,
        summary: 'Set check-in: on or off and the rewards of each day of a streak (the cycle restarts after the last)',
        body: CheckinSettingsInput,
        response: responses({ 200: CheckinSettings }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tasks.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'task.checkin_settings', targetType: 'checkin' }, (q) => putSettings(q, t, req.body, ctx.clock.now()));
    },
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks 任务 with their results (completions, what their rewards did)',
        response: responses({ 200: Type.Object({ data: Type.Array(Task) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'tasks.read');
      const t = req.caller!.tenantId;
      const rows = (await ctx.db.query<TaskRow>(`SELECT ${TASK_COLS} FROM tasks WHERE tenant_id = $1 ORDER BY id DESC LIMIT 200`, [t])).rows;
      return { data: await taskViews(ctx.db, t, rows) };
    },
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Make a task: the custom event that completes it, its rewards and how often a member may be rewarded',
        body: TaskCreate,
        response: responses({ 201: Task }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tasks.manage');
      const t = req.caller!.tenantId;
      return mutate(
        ctx,
        req,
        reply,
        { action: 'task.create', targetType: 'task', status: 201 },
        async (q) => (await taskViews(q, t, [await createTask(q, t, req.body, ctx.clock.now())]))[0]!,
      );
    },
  );

  app.patch(
    '/tasks/:id',
    { schema: { tags, summary: 'Change a task, or pause it (status)', params: Type.Object({ id: Id }), body: TaskPatch, response: responses({ 200: Task }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'tasks.manage');
      const t = req.caller!.tenantId;
      await getTask(ctx.db, t, req.params.id);
      return mutate(
        ctx,
        req,
        reply,
        { action: 'task.update', targetType: 'task' },
        async (q) => (await taskViews(q, t, [await updateTask(q, t, req.params.id, req.body, ctx.clock.now())]))[0]!,
      );
    },
  );
}
