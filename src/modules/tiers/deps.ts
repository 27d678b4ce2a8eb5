// TEMPORARY until the points and packs branches merge: the seams tiers calls (docs/membership.md),
// in one file so the rest of tiers imports them from here.
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';

export interface GrowthChange {
  tenantId: string;
  memberId: string;
  total: number;
  delta: number;
  reason: string;
  reference: string;
  orderId: string | null;
  at: Date;
}
export async function growthEarnedBetween(_q: Sql, _t: string, _m: string, _from: Date, _to: Date): Promise<number> {
  return 0;
}
export async function growthOf(_q: Sql, _t: string, _m: string): Promise<number> {
  return 0;
}
export interface PackGrant {
  id: string;
}
export async function grantPack(
  _ctx: Ctx,
  _q: Sql,
  _c: Caller,
  _g: { packId: string; memberId: string; source: 'manual' | 'tier' | 'mall' | 'rule'; reference: string },
  _at: Date,
): Promise<PackGrant> {
  throw new Error('packs not merged yet');
}
export async function packNames(_q: Sql, _t: string, _ids: string[]): Promise<Map<string, string>> {
  return new Map();
}
export const extendGrowth: never[] = [];
