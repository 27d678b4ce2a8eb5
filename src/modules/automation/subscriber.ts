import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { EventRow, Subscriber } from '../../platform/events.js';
import { getTenant } from '../tenants/service.js';
import { claimFiring, completeFiring } from './fire.js';
import { activeRules, type RuleRow } from './model.js';
import { triggersFor } from './triggers.js';
import type { Occurrence } from './decide.js';

/**
 * Rules evaluated by an event subscriber 事件触发: each event of the log, in log order, against the
 * brand's active rules whose trigger listens to its type — in the subscriber's batch transaction, so a
 * firing commits with the cursor's advance. A batch that fails is read again (a retry, another
 * process): the firings it made rolled back with it, and those another delivery made answer as
 * duplicates (fire.ts), so a rule fires once per event whatever the number of deliveries.
 */
export const occurrenceOf = (e: EventRow): Occurrence => ({
  id: e.id,
  type: e.event_type,
  memberId: e.member_id,
  at: new Date(e.created_at),
  data: e.data ?? {},
  cols: { store_id: e.store_id, template_id: e.template_id, channel_id: e.channel_id },
});

export async function evaluateEvents(ctx: Ctx, q: Sql, events: EventRow[]): Promise<void> {
  const byTenant = new Map<string, EventRow[]>();
  for (const e of events) if (e.member_id && e.event_type !== 'automation.fired') byTenant.set(e.tenant_id, [...(byTenant.get(e.tenant_id) ?? []), e]);
  for (const [tenantId, evs] of byTenant) {
    const types = [...new Set(evs.flatMap((e) => triggersFor(e.event_type)))];
    const rules = await activeRules(q, tenantId, types);
    if (!rules.length) continue;
    const zone = (await getTenant(q, tenantId)).time_zone;
    const claimed: { rule: RuleRow; o: Occurrence; firingId: string }[] = [];
    for (const e of evs) {
      const listening = triggersFor(e.event_type);
      for (const rule of rules) {
        if (!listening.includes(rule.trigger_type)) continue;
        const o = occurrenceOf(e);
        const firingId = await claimFiring(q, tenantId, rule, o);
        if (firingId !== 'not_taken' && firingId !== 'duplicate') claimed.push({ rule, o, firingId });
      }
    }
    for (const c of claimed) await completeFiring(ctx, q, tenantId, zone, c.rule, c.o, c.firingId);
  }
}

export const ruleEvaluation: Subscriber = { name: 'automation.rules', handle: evaluateEvents };
