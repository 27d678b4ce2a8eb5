import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import { walletRoutes } from '../wallet/extensions.js';
import { taskRoutes } from './routes.js';
import { taskWalletRoutes } from './wallet-routes.js';
import { taskCompleter } from './tasks.js';
import type { Sql } from '../../db/index.js';

async function taskNames(q: Sql, tenantId: string, ids: string[]) {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM tasks WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/**
 * tasks 签到与任务: a daily check-in with streak rewards, and tasks completed by custom events, each
 * rewarding once per member per period (docs/growth.md "Check-in and tasks"). Its own module beside
 * `referrals` (migration 050 after it), as docs/growth.md lists them.
 */
export default defineModule({
  name: 'tasks',
  migrations: migrationsOf(import.meta.url),
  routes: taskRoutes,
  subscribers: [taskCompleter],
  extend: [walletRoutes.with(taskWalletRoutes), nameResolvers.with({ prefixes: ['tsk_'], names: taskNames })],
  events: {
    ...inArea('checkin', { done: ['签到', 'Checked in'] }),
    ...inArea('task', { completed: ['完成任务', 'Task completed'] }),
  },
});
