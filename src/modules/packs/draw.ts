import { randomInt } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import type { PackRow } from './model.js';

/**
 * Drawing a random pack 盲盒抽奖. The published odds are drawn among the prizes still in stock: the
 * odds of those prizes, renormalised over their sum (a prize sold out can never come up). The draw
 * reads the prizes in stock, draws a value in [0, sum) with crypto.randomInt, and takes the prize
 * with one conditional statement (`taken < stock`). If another draw took the last unit meanwhile,
 * the statement changes nothing and the draw is made again over what is left, so concurrent draws
 * never pass a prize's stock. The guarantee 保底 counts one member's draws of the pack without a
 * top prize; after `guarantee_after` of them the next draw is among the top prizes in stock (the
 * member's draws take turns on an advisory lock so the count is exact).
 */
export interface RandomSource {
  name: string;
  /** an integer in [0, max) */
  int(max: number): number;
}
export const cryptoSource: RandomSource = { name: 'crypto.randomInt', int: (max) => randomInt(max) };

export interface Drawn {
  drawId: string;
  prize: { id: string; name: string };
}

interface InStock {
  id: string;
  name: string;
  odds_bp: number;
  top: boolean;
}

/** Which prize a value in [0, Σ odds) falls on, the prizes laid end to end in their order. */
export function pick(prizes: { odds_bp: number }[], value: number): number {
  let at = 0;
  for (const [i, p] of prizes.entries()) {
    at += p.odds_bp;
    if (value < at) return i;
  }
  throw new Error(`value ${value} beyond the odds ${at}`);
}

export async function drawPrize(
  q: Sql,
  tenantId: string,
  pack: PackRow,
  g: { grantId: string; memberId: string; keyId: string | null },
  at: Date,
  random: RandomSource = cryptoSource,
): Promise<Drawn> {
  let streak = 0;
  if (pack.guarantee_after) {
    await q.query('SELECT pg_advisory_xact_lock(7310, hashtext($1))', [`${tenantId}:${pack.id}:${g.memberId}`]);
    const last = await q.query<{ streak: number }>(
      'SELECT streak FROM pack_draws WHERE tenant_id = $1 AND pack_id = $2 AND member_id = $3 ORDER BY seq DESC LIMIT 1',
      [tenantId, pack.id, g.memberId],
    );
    streak = last.rows[0]?.streak ?? 0;
  }
  const guaranteeDue = !!pack.guarantee_after && streak >= pack.guarantee_after;
  // each failed take means a prize sold out under us, so this ends within (prizes + 1) rounds
  for (let attempt = 1; ; attempt++) {
    const inStock = (
      await q.query<InStock>(
        'SELECT id, name, odds_bp, top FROM pack_prizes WHERE tenant_id = $1 AND pack_id = $2 AND (stock IS NULL OR taken < stock) ORDER BY seq',
        [tenantId, pack.id],
      )
    ).rows;
    if (!inStock.length)
      throw refusal('PACK_SOLD_OUT', 'every prize of this pack is gone', {}, { errors: [{ field: 'pack_id', reason: 'every prize sold out' }] });
    const guaranteed = guaranteeDue && inStock.some((p) => p.top);
    const among = guaranteed ? inStock.filter((p) => p.top) : inStock;
    const range = among.reduce((s, p) => s + p.odds_bp, 0);
    const value = random.int(range);
    const prize = among[pick(among, value)]!;
    const took = await q.query('UPDATE pack_prizes SET taken = taken + 1 WHERE tenant_id = $1 AND id = $2 AND (stock IS NULL OR taken < stock)', [
      tenantId,
      prize.id,
    ]);
    if (!took.rowCount) continue;
    const drawId = newId('pdr');
    const candidates = among.map((p) => ({ prize_id: p.id, odds_bp: p.odds_bp }));
    await q.query(
      `INSERT INTO pack_draws (tenant_id, id, pack_id, grant_id, member_id, prize_id, source, value, range, candidates, guaranteed, attempts, top, streak, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        tenantId,
        drawId,
        pack.id,
        g.grantId,
        g.memberId,
        prize.id,
        random.name,
        value,
        range,
        JSON.stringify(candidates),
        guaranteed,
        attempt,
        prize.top,
        prize.top ? 0 : streak + 1,
        at,
      ],
    );
    await emit(q, [
      {
        tenantId,
        type: 'pack.drawn',
        at,
        memberId: g.memberId,
        keyId: g.keyId,
        data: {
          pack_id: pack.id,
          grant_id: g.grantId,
          draw_id: drawId,
          prize_id: prize.id,
          prize_name: prize.name,
          source: random.name,
          value,
          range,
          guaranteed,
        },
      },
    ]);
    return { drawId, prize: { id: prize.id, name: prize.name } };
  }
}
