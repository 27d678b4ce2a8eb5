import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Caller } from '../../http/access.js';
import { getTenant } from '../tenants/service.js';
import { grantPack, packNames } from './deps.js';
import { benefitPeriod } from './policy.js';
import { loadLadder } from './state.js';
import { tierInvalid } from './service.js';

/**
 * Tier benefits 等级权益: a pack granted to every member of a tier each month on day 1–28 (local
 * midnight in the tenant's zone). The `tiers.benefits` job opens one run per benefit and period
 * (tier_benefit_grants) and works through the tier's members in member-id order, a chunk per
 * transaction, each grant through grantPack with the reference `tier:<benefit>:<period>:<member>` —
 * unique in packs, so a run that crashed, or runs twice, or on two processes, never grants twice.
 * The run row is taken with FOR UPDATE SKIP LOCKED, so one process works on a run at a time.
 */
export interface Benefit {
  id: string;
  tier_id: string;
  pack_id: string;
  day_of_month: number;
  active: boolean;
  created_at: Date;
}
const COLS = 'id, tier_id, pack_id, day_of_month, active, created_at';
export const CHUNK = 200;

export async function listBenefits(q: Sql, tenantId: string) {
  const r = await q.query<Benefit>(`SELECT ${COLS} FROM tier_benefits WHERE tenant_id = $1 AND active ORDER BY created_at, id`, [tenantId]);
  const packs = await packNames(q, tenantId, [...new Set(r.rows.map((b) => b.pack_id))]);
  const runs = await q.query<{ benefit_id: string; period: string; granted: number; done_at: Date | null }>(
    `SELECT DISTINCT ON (benefit_id) benefit_id, period, granted, done_at FROM tier_benefit_grants WHERE tenant_id = $1 ORDER BY benefit_id, period DESC`,
    [tenantId],
  );
  return r.rows.map((b) => {
    const run = runs.rows.find((x) => x.benefit_id === b.id);
    return { ...b, pack_name: packs.get(b.pack_id) ?? null, last_run: run ? { period: run.period, granted: run.granted, done: run.done_at !== null } : null };
  });
}

export async function createBenefit(q: Sql, caller: Caller, input: { tier_id: string; pack_id: string; day_of_month?: number }, at: Date) {
  const tenantId = caller.tenantId;
  const problems: { field: string; reason: string }[] = [];
  if (!(await loadLadder(q, tenantId)).some((t) => t.id === input.tier_id)) problems.push({ field: 'tier_id', reason: 'no such tier' });
  if (!(await packNames(q, tenantId, [input.pack_id])).has(input.pack_id)) problems.push({ field: 'pack_id', reason: 'no such pack' });
  const day = input.day_of_month ?? 1;
  if (!Number.isInteger(day) || day < 1 || day > 28) problems.push({ field: 'day_of_month', reason: '1 to 28' });
  if (problems.length) throw tierInvalid(problems);
  const id = newId('tbn');
  await q.query(`INSERT INTO tier_benefits (tenant_id, id, tier_id, pack_id, day_of_month, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    tenantId,
    id,
    input.tier_id,
    input.pack_id,
    day,
    at,
  ]);
  return (await listBenefits(q, tenantId)).find((b) => b.id === id)!;
}

export async function stopBenefit(q: Sql, tenantId: string, id: string) {
  const r = await q.query<Benefit>(`UPDATE tier_benefits SET active = false WHERE tenant_id = $1 AND id = $2 AND active RETURNING ${COLS}`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'TIER_NOT_FOUND', 'no such tier benefit');
  return r.rows[0];
}

/** Opens the run of each active benefit whose day has come this month (first run: the first occurrence after the benefit was made). */
async function openRuns(ctx: Ctx, now: Date) {
  const r = await ctx.db.query<Benefit & { tenant_id: string }>(`SELECT tenant_id, ${COLS} FROM tier_benefits WHERE active`);
  const zones = new Map<string, string>();
  for (const b of r.rows) {
    if (!zones.has(b.tenant_id)) zones.set(b.tenant_id, (await getTenant(ctx.db, b.tenant_id)).time_zone);
    const { period, dueAt } = benefitPeriod(now, zones.get(b.tenant_id)!, b.day_of_month);
    if (dueAt < b.created_at) continue;
    await ctx.db.query(`INSERT INTO tier_benefit_grants (tenant_id, benefit_id, period, due_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      b.tenant_id,
      b.id,
      period,
      dueAt,
    ]);
  }
}

/** One chunk of one open run, in one transaction with the run's progress; false when no run is open. */
export async function grantChunk(ctx: Ctx, now: Date, chunk = CHUNK): Promise<boolean> {
  return ctx.db.tx(async (q) => {
    const run = (
      await q.query<{ tenant_id: string; benefit_id: string; period: string; after_member_id: string }>(
        `SELECT tenant_id, benefit_id, period, after_member_id FROM tier_benefit_grants WHERE done_at IS NULL AND due_at <= $1
         ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      )
    ).rows[0];
    if (!run) return false;
    const b = (await q.query<Benefit>(`SELECT ${COLS} FROM tier_benefits WHERE tenant_id = $1 AND id = $2`, [run.tenant_id, run.benefit_id])).rows[0];
    const members = b?.active
      ? (
          await q.query<{ member_id: string }>(
            `SELECT member_id FROM member_tiers WHERE tenant_id = $1 AND tier_id = $2 AND member_id > $3 ORDER BY member_id LIMIT $4`,
            [run.tenant_id, b.tier_id, run.after_member_id, chunk],
          )
        ).rows.map((m) => m.member_id)
      : [];
    const caller: Caller = {
      tenantId: run.tenant_id,
      keyId: `system:tier-benefit:${run.benefit_id}`,
      role: 'system',
      storeIds: [],
      channelId: null,
      memberId: null,
    };
    let granted = 0;
    let lastError: string | null = null;
    for (const memberId of members) {
      // a refusal (a pack out of stock) skips this member and is kept on the run; anything else fails the chunk
      await q.query('SAVEPOINT tier_grant');
      try {
        await grantPack(ctx, q, caller, { packId: b!.pack_id, memberId, source: 'tier', reference: `tier:${b!.id}:${run.period}:${memberId}` }, now);
        await q.query('RELEASE SAVEPOINT tier_grant');
        granted++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        await q.query('ROLLBACK TO SAVEPOINT tier_grant');
        lastError = `${memberId}: ${e.code}`;
      }
    }
    await q.query(
      `UPDATE tier_benefit_grants SET after_member_id = $4, granted = granted + $5, last_error = coalesce($6, last_error), done_at = $7
       WHERE tenant_id = $1 AND benefit_id = $2 AND period = $3`,
      [run.tenant_id, run.benefit_id, run.period, members.at(-1) ?? run.after_member_id, granted, lastError, members.length < chunk ? now : null],
    );
    return true;
  });
}

/** The `tiers.benefits` job: opens due runs, then works through them a chunk at a time. */
export async function grantBenefits(ctx: Ctx): Promise<{ again: Date } | undefined> {
  const now = ctx.clock.now();
  await openRuns(ctx, now);
  for (let i = 0; i < 50; i++) {
    if (!(await grantChunk(ctx, now))) return undefined;
    await ctx.db.breathe();
  }
  return { again: now };
}
