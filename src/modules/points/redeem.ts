import type { Sql } from '../../db/index.js';
import type { Subscriber, EventRow } from '../../platform/events.js';
import { getTemplate } from '../templates/service.js';
import { getTenant } from '../tenants/service.js';
import { earn } from './service.js';
import { clawBack } from './change.js';
import { expiresAt, type Expiry } from './rules.js';

/**
 * Earning from redemptions 核销得积分: a template's setting (kept here, so the templates module is not
 * edited) awards points and/or growth to the card's member when one of its cards is redeemed, and a
 * reversed redemption takes the award back. A subscriber follows card.redeemed and card.reversed: each
 * batch commits with the subscriber's cursor, and the lots' references (`redeem:<redemption id>`) are
 * unique, so a replay awards and takes back exactly once.
 */
export interface TemplateEarning {
  template_id: string;
  points: number;
  growth: number;
  expiry: Expiry;
  updated_at: Date | null;
}

export async function getEarning(q: Sql, tenantId: string, templateId: string): Promise<TemplateEarning> {
  await getTemplate(q, tenantId, templateId);
  const r = await q.query<TemplateEarning>(
    'SELECT template_id, points, growth, expiry, updated_at FROM point_template_earning WHERE tenant_id = $1 AND template_id = $2',
    [tenantId, templateId],
  );
  const e = r.rows[0];
  return e
    ? { ...e, points: Number(e.points), growth: Number(e.growth) }
    : { template_id: templateId, points: 0, growth: 0, expiry: { type: 'none' }, updated_at: null };
}

export async function putEarning(q: Sql, tenantId: string, templateId: string, s: { points: number; growth: number; expiry?: Expiry }, at: Date) {
  await getTemplate(q, tenantId, templateId);
  await q.query(
    `INSERT INTO point_template_earning (tenant_id, template_id, points, growth, expiry, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, template_id) DO UPDATE SET points = $3, growth = $4, expiry = $5, updated_at = $6`,
    [tenantId, templateId, s.points, s.growth, JSON.stringify(s.expiry ?? { type: 'none' }), at],
  );
  return getEarning(q, tenantId, templateId);
}

async function redeemed(q: Sql, e: EventRow) {
  const rid = e.data?.redemption_id as string | undefined;
  if (!e.member_id || !e.template_id || !rid) return;
  const r = await q.query<{ points: string; growth: string; expiry: Expiry }>(
    'SELECT points, growth, expiry FROM point_template_earning WHERE tenant_id = $1 AND template_id = $2',
    [e.tenant_id, e.template_id],
  );
  const s = r.rows[0];
  if (!s) return;
  const at = new Date(e.created_at);
  const tz = (await getTenant(q, e.tenant_id)).time_zone;
  for (const asset of ['points', 'growth'] as const) {
    const amount = Number(s[asset]);
    if (amount > 0)
      await earn(
        q,
        e.tenant_id,
        {
          memberId: e.member_id,
          asset,
          amount,
          reason: `redeem:${rid}`,
          reference: `redeem:${rid}`,
          expiresAt: asset === 'points' ? expiresAt(s.expiry, at, tz) : null,
        },
        at,
      );
  }
}

async function reversed(q: Sql, e: EventRow) {
  const rid = e.data?.redemption_id as string | undefined;
  if (!rid) return;
  const lots = (
    await q.query<{ id: string; amount: string; clawed: string }>(
      'SELECT id, amount, clawed FROM point_lots WHERE tenant_id = $1 AND reference = $2 AND kind = $3',
      [e.tenant_id, `redeem:${rid}`, 'earn'],
    )
  ).rows;
  await clawBack(
    q,
    e.tenant_id,
    lots.map((l) => ({ id: l.id, want: Number(l.amount) - Number(l.clawed) })),
    { reason: `reversed:${rid}`, reference: `reversed:${rid}` },
    new Date(e.created_at),
  );
}

export const redemptionEarning: Subscriber = {
  name: 'points.redemptions',
  types: ['card.redeemed', 'card.reversed'],
  handle: async (_ctx, q, events) => {
    for (const e of events) {
      if (e.event_type === 'card.redeemed') await redeemed(q, e);
      else await reversed(q, e);
    }
  },
};
