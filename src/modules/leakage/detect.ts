import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit, type EventRow, type Subscriber } from '../../platform/events.js';
import { getChannel, type Channel } from '../channels/service.js';
import { getMember } from '../members/service.js';
import { getStore } from '../stores/service.js';
import { getTemplate } from '../templates/service.js';
import { memberOutside, ruleOf, storeOutside, type Reason } from './scope.js';

/**
 * 窜货预警: follows the card events (a redemption or stamp at a store, a binding by a member) and
 * raises an alert — a `leakage_alerts` row and a `channel.leakage` event (webhooks deliver it to the
 * endpoints subscribed to it) — where the card's channel's scope does not cover the store or the
 * member (scope.ts) and the template does not allow it (`rules.leakage`, 'flag' by default). It runs
 * after the redemption, so the hot path pays nothing. A redemption refused by the guard (`refuse`)
 * wrote no event and raises no alert; one that got through a `refuse` template anyway (the channel's
 * scope changed in between) is flagged. A binding is never refused (no extension point there): it is
 * flagged under `flag` and `refuse` alike. Each alert is raised once per event (unique index).
 */
const NO = Symbol('missing');
const orNull = async <T>(p: Promise<T>): Promise<T | null> =>
  p.catch((e) => {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  });

async function handle(_ctx: unknown, q: Sql, events: EventRow[]) {
  const channels = new Map<string, Channel | null>();
  const rules = new Map<string, ReturnType<typeof ruleOf> | typeof NO>();
  for (const e of events) {
    if (!e.channel_id || !e.card_id) continue;
    const bind = e.event_type === 'card.bound';
    if (bind ? !e.member_id : !e.store_id) continue; // an online redemption has no store to compare
    const tk = `${e.tenant_id}:${e.template_id}`;
    if (!rules.has(tk)) {
      const t = e.template_id ? await orNull(getTemplate(q, e.tenant_id, e.template_id)) : null;
      rules.set(tk, t ? ruleOf(t.rules) : NO);
    }
    const rule = rules.get(tk)!;
    if (rule === NO || rule === 'allow') continue;
    const ck = `${e.tenant_id}:${e.channel_id}`;
    if (!channels.has(ck)) channels.set(ck, await orNull(getChannel(q, e.tenant_id, e.channel_id)));
    const ch = channels.get(ck);
    if (!ch) continue;
    let reasons: Reason[];
    let details: Record<string, unknown>;
    if (bind) {
      const m = await orNull(getMember(q, e.tenant_id, e.member_id!));
      if (!m) continue;
      reasons = memberOutside(ch, m);
      details = { channel_regions: ch.regions, member_province: m.province, member_city: m.city };
    } else {
      const s = await orNull(getStore(q, e.tenant_id, e.store_id!));
      if (!s) continue;
      reasons = storeOutside(ch, s);
      details = { channel_regions: ch.regions, channel_store_tags: ch.store_tags, store_province: s.province, store_city: s.city, store_tags: s.tags };
    }
    if (!reasons.length) continue;
    await raise(q, e, ch, bind ? 'binding' : 'redemption', rule, reasons, details);
  }
}

async function raise(
  q: Sql,
  e: EventRow,
  ch: Channel,
  kind: 'redemption' | 'binding',
  rule: 'flag' | 'refuse',
  reasons: Reason[],
  details: Record<string, unknown>,
) {
  const redemptionId = kind === 'redemption' ? ((e.data?.redemption_id as string | undefined) ?? null) : null;
  const at = new Date(e.created_at);
  const r = await q.query<{ id: string }>(
    `INSERT INTO leakage_alerts (tenant_id, id, kind, source_event_id, card_id, template_id, channel_id, channel_path, store_id, member_id,
       redemption_id, rule, reasons, details, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (tenant_id, source_event_id) DO NOTHING RETURNING id`,
    [
      e.tenant_id,
      newId('lka', at.getTime()),
      kind,
      e.id,
      e.card_id,
      e.template_id,
      ch.id,
      ch.path,
      kind === 'redemption' ? e.store_id : null,
      e.member_id,
      redemptionId,
      rule,
      reasons,
      JSON.stringify(details),
      at,
    ],
  );
  if (!r.rows[0]) return; // raised already (this event was seen before a crash)
  await emit(q, [
    {
      tenantId: e.tenant_id,
      type: 'channel.leakage',
      at,
      cardId: e.card_id,
      templateId: e.template_id,
      batchId: e.batch_id,
      memberId: e.member_id,
      storeId: kind === 'redemption' ? e.store_id : null,
      channelId: ch.id,
      data: { alert_id: r.rows[0].id, kind, reasons, rule, redemption_id: redemptionId, channel_path: ch.path, ...details },
    },
  ]);
}

export const leakageDetector: Subscriber = { name: 'leakage', types: ['card.redeemed', 'card.stamped', 'card.bound'], handle };
