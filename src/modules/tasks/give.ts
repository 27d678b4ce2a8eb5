import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { giveRewards, type GiveInput } from '../rewards/service.js';

export const systemOf = (tenantId: string): Caller => ({ tenantId, keyId: 'system:tasks', role: 'system', storeIds: [], channelId: null, memberId: null });

/** A giving in a savepoint: the grant, or the code of its refusal with nothing given (the check-in or completion stands). */
export async function giveOrRecord(ctx: Ctx, q: Sql, cause: Caller, g: GiveInput, at: Date) {
  await q.query('SAVEPOINT task_reward');
  try {
    const r = await giveRewards(ctx, q, cause, g, at);
    await q.query('RELEASE SAVEPOINT task_reward');
    return { grant: r.id, problem: null as string | null, cards: [...r.given.cards.map((c) => c.id), ...r.given.packs.flatMap((p) => p.card_ids)] };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await q.query('ROLLBACK TO SAVEPOINT task_reward');
    await q.query('RELEASE SAVEPOINT task_reward');
    return { grant: null, problem: e.code, cards: [] as string[] };
  }
}
