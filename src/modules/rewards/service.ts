import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { systemCaller, type Caller } from '../../http/access.js';
import { newId } from '../../ids.js';
import { getTenant } from '../tenants/service.js';
import { ensureRewardBatch } from '../batches/service.js';
import { issueCard } from '../cards/issue.js';
import { getTemplate } from '../templates/service.js';
import type { TemplateRow } from '../templates/schemas.js';
import { grantPack, packNames } from '../packs/service.js';
import { earn } from '../points/service.js';
import { expiresAt } from '../points/rules.js';
import { redemptionTotals } from '../redemptions/read.js';
import type { Given, Reward } from './schemas.js';

/**
 * Rewards 奖励 (docs/growth.md "Rewards"): the one way a growth play — an automation rule, a
 * claim-center campaign, a share, a referral, a task — gives a member something. A giving is one row
 * unique on its reference, written in the caller's transaction before anything is given: a retry,
 * a replayed event or a second process with the same reference waits for the first and answers what
 * it gave, never giving twice. Cards come from the template's on-issue reward batch with the system's
 * authority (the brand decided when it set up the play) and carry the source on their `card.issued`
 * event, so a card's trace names what gave it.
 */
export type SourceKind = 'rule' | 'campaign' | 'share' | 'group' | 'referral' | 'task' | 'checkin';
export interface RewardSource {
  kind: SourceKind;
  id: string;
  /** what a person reads on the card's trace and the member's points history: 「生日礼 birthday gift」 */
  name: string;
}
export interface GiveInput {
  memberId: string;
  rewards: Reward[];
  /** the giver's idempotency key, unique per tenant: rule:<rule>:<event>, referral:<id>:referee, … */
  reference: string;
  source: RewardSource;
}
export interface RewardGrant {
  id: string;
  reference: string;
  member_id: string;
  source_kind: SourceKind;
  source_id: string;
  given: Given;
  /** fen: the face value of the cards given */
  value: number;
  created_at: Date;
  /** true: this reference was given before; nothing was given now */
  replayed: boolean;
}

export const REWARD_BATCH_NAME = '营销奖励 growth rewards';
const COLS = 'id, reference, member_id, source_kind, source_id, given, value, created_at';
type Row = Omit<RewardGrant, 'value' | 'replayed'> & { value: string };
const view = (r: Row, replayed: boolean): RewardGrant => ({ ...r, value: Number(r.value), replayed });

/** What one card of a template is worth at face, fen (what a budget in fen counts): 0 where it has no price. */
export function faceValue(t: Pick<TemplateRow, 'kind' | 'value'>): number {
  const v = t.value;
  switch (t.kind) {
    case 'cash':
      return v.amount_off ?? 0;
    case 'discount':
      return v.max_off ?? 0;
    case 'count':
      return v.card_value ?? (v.face_value ?? 0) * (v.uses ?? 0);
    case 'periodic':
      return v.card_value ?? (v.face_value ?? 0) * (v.uses_per_period ?? 0) * (v.periods ?? 0);
    case 'stored_value':
    case 'gift':
      return v.initial_balance ?? 0;
    default:
      return v.face_value ?? 0;
  }
}

/** Problems with a list of rewards (templates and packs that do not exist or are archived), for a play's create/update. */
export async function checkRewards(q: Sql, tenantId: string, rewards: Reward[], field = 'rewards'): Promise<{ field: string; reason: string }[]> {
  const problems: { field: string; reason: string }[] = [];
  const packs = await packNames(
    q,
    tenantId,
    rewards.flatMap((r) => (r.type === 'pack' ? [r.pack_id] : [])),
  );
  for (const [i, r] of rewards.entries()) {
    if (r.type === 'card') {
      const t = await getTemplate(q, tenantId, r.template_id).catch(() => null);
      if (!t) problems.push({ field: `${field}/${i}/template_id`, reason: 'no such template' });
      else if (t.status !== 'active') problems.push({ field: `${field}/${i}/template_id`, reason: 'template is archived' });
    } else if (r.type === 'pack' && !packs.has(r.pack_id)) problems.push({ field: `${field}/${i}/pack_id`, reason: 'no such pack' });
  }
  return problems;
}

/** The face value of what a list of rewards gives, fen (cards of templates; packs and points count 0). */
export async function rewardValue(q: Sql, tenantId: string, rewards: Reward[]): Promise<number> {
  let sum = 0;
  for (const r of rewards) if (r.type === 'card') sum += faceValue(await getTemplate(q, tenantId, r.template_id)) * (r.quantity ?? 1);
  return sum;
}

async function byReference(q: Sql, tenantId: string, reference: string): Promise<Row | undefined> {
  return (await q.query<Row>(`SELECT ${COLS} FROM reward_grants WHERE tenant_id = $1 AND reference = $2`, [tenantId, reference])).rows[0];
}

/**
 * Give a member rewards, once per reference, in the caller's transaction. Any refusal on the way
 * (a template's per-member limit, a pack no longer live) throws and, with the caller's rollback,
 * leaves nothing given and the reference free.
 */
export async function giveRewards(ctx: Ctx, q: Sql, cause: Caller, g: GiveInput, at: Date): Promise<RewardGrant> {
  const tenantId = cause.tenantId;
  const first = await byReference(q, tenantId, g.reference);
  if (first) return view(first, true);
  const id = newId('rwd');
  // the claim on the reference: a concurrent giving with the same one waits here for this transaction
  const claimed = await q.query(
    `INSERT INTO reward_grants (tenant_id, id, reference, member_id, source_kind, source_id, rewards, given, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', $8) ON CONFLICT (tenant_id, reference) DO NOTHING`,
    [tenantId, id, g.reference, g.memberId, g.source.kind, g.source.id, JSON.stringify(g.rewards), at],
  );
  if (!claimed.rowCount) return view((await byReference(q, tenantId, g.reference))!, true);

  const system = systemCaller(cause);
  const tz = (await getTenant(q, tenantId)).time_zone;
  const given: Given = { cards: [], packs: [], points: [] };
  let value = 0;
  const source = { kind: g.source.kind, id: g.source.id, name: g.source.name };
  for (const [i, r] of g.rewards.entries()) {
    if (r.type === 'card') {
      const t = await getTemplate(q, tenantId, r.template_id);
      const batchId = await ensureRewardBatch(q, tenantId, t.id, at, REWARD_BATCH_NAME);
      for (let n = 0; n < (r.quantity ?? 1); n++) {
        const c = await issueCard(ctx, q, system, { batch_id: batchId, member_id: g.memberId, source });
        given.cards.push({ id: c.id, template_id: t.id });
        value += faceValue(t);
      }
    } else if (r.type === 'pack') {
      const p = await grantPack(ctx, q, system, { packId: r.pack_id, memberId: g.memberId, source: 'rule', reference: `${g.reference}:pack:${i}` }, at);
      given.packs.push({ grant_id: p.id, pack_id: p.pack_id, card_ids: p.cards.map((c) => c.id) });
    } else {
      const asset = r.asset ?? 'points';
      const lot = await earn(
        q,
        tenantId,
        {
          memberId: g.memberId,
          asset,
          amount: r.amount,
          reason: g.source.name,
          reference: `${g.reference}:${asset}:${i}`,
          expiresAt: r.expiry ? expiresAt(r.expiry, at, tz) : null,
        },
        at,
      );
      given.points.push({ lot_id: lot.lotId, asset, amount: r.amount });
    }
  }
  const cardIds = [...given.cards.map((c) => c.id), ...given.packs.flatMap((p) => p.card_ids)];
  await q.query(`UPDATE reward_grants SET given = $3, value = $4 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, JSON.stringify(given), value]);
  if (cardIds.length)
    await q.query(`INSERT INTO reward_cards (tenant_id, card_id, grant_id, source_kind, source_id) SELECT $1, unnest($2::text[]), $3, $4, $5`, [
      tenantId,
      cardIds,
      id,
      g.source.kind,
      g.source.id,
    ]);
  return {
    id,
    reference: g.reference,
    member_id: g.memberId,
    source_kind: g.source.kind,
    source_id: g.source.id,
    given,
    value,
    created_at: at,
    replayed: false,
  };
}

export async function getGrant(q: Sql, tenantId: string, reference: string): Promise<RewardGrant | null> {
  const r = await byReference(q, tenantId, reference);
  return r ? view(r, true) : null;
}

/** A member's givings, newest first (the member page's 营销奖励). */
export async function memberGrants(q: Sql, tenantId: string, memberId: string, limit = 50): Promise<RewardGrant[]> {
  const r = await q.query<Row>(`SELECT ${COLS} FROM reward_grants WHERE tenant_id = $1 AND member_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`, [
    tenantId,
    memberId,
    limit,
  ]);
  return r.rows.map((x) => view(x, true));
}

export interface SourceResults {
  /** givings 发放次数 and the members they reached */
  grants: number;
  members: number;
  /** cards given (packs' cards included) and how many of them have been redeemed at least once */
  cards: number;
  redeemed_cards: number;
  /** fen: value taken by those redemptions, and the GMV 带动销售额 of the orders they were redeemed on */
  redeemed_amount: number;
  gmv: number;
  points: number;
  /** fen: face value of the cards given */
  value: number;
}
const EMPTY: SourceResults = { grants: 0, members: 0, cards: 0, redeemed_cards: 0, redeemed_amount: 0, gmv: 0, points: 0, value: 0 };

/** Results of plays of one kind, by play: what they gave and what their cards did (a campaign list's columns). */
export async function sourceResults(q: Sql, tenantId: string, kind: SourceKind, ids: string[]): Promise<Map<string, SourceResults>> {
  const out = new Map<string, SourceResults>(ids.map((id) => [id, { ...EMPTY }]));
  if (!ids.length) return out;
  const g = await q.query<{ source_id: string; grants: string; members: string; points: string; value: string }>(
    `SELECT source_id, count(*) AS grants, count(DISTINCT member_id) AS members, sum(value) AS value,
       coalesce(sum((SELECT sum((p->>'amount')::bigint) FROM jsonb_array_elements(given->'points') p WHERE p->>'asset' = 'points')), 0) AS points
     FROM reward_grants WHERE tenant_id = $1 AND source_kind = $2 AND source_id = ANY($3::text[]) GROUP BY source_id`,
    [tenantId, kind, ids],
  );
  for (const r of g.rows)
    Object.assign(out.get(r.source_id)!, { grants: Number(r.grants), members: Number(r.members), points: Number(r.points), value: Number(r.value) });
  const cards = await q.query<{ source_id: string; card_id: string }>(
    `SELECT source_id, card_id FROM reward_cards WHERE tenant_id = $1 AND source_kind = $2 AND source_id = ANY($3::text[])`,
    [tenantId, kind, ids],
  );
  const bySource = new Map<string, string[]>();
  for (const c of cards.rows) bySource.set(c.source_id, [...(bySource.get(c.source_id) ?? []), c.card_id]);
  for (const [sourceId, cardIds] of bySource) {
    const t = await redemptionTotals(q, tenantId, cardIds);
    Object.assign(out.get(sourceId)!, { cards: cardIds.length, redeemed_cards: t.cards, redeemed_amount: t.amount, gmv: t.gmv });
  }
  return out;
}

/** What gave each of these cards, where a reward did (a card's trace, the card list). */
export async function cardSources(q: Sql, tenantId: string, cardIds: string[]): Promise<Map<string, { kind: SourceKind; id: string; grant_id: string }>> {
  if (!cardIds.length) return new Map();
  const r = await q.query<{ card_id: string; source_kind: SourceKind; source_id: string; grant_id: string }>(
    `SELECT card_id, source_kind, source_id, grant_id FROM reward_cards WHERE tenant_id = $1 AND card_id = ANY($2::text[])`,
    [tenantId, cardIds],
  );
  return new Map(r.rows.map((x) => [x.card_id, { kind: x.source_kind, id: x.source_id, grant_id: x.grant_id }]));
}
