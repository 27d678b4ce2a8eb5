import { DateTime } from 'luxon';
import type { Ctx } from '../../platform/context.js';
import { tenantsWithExpiryReminders } from '../tenants/service.js';
import { appendEvents } from './events.js';
import type { CardRow } from './model.js';

/**
 * 即将过期 expiring soon: an active card whose expiry is within the tenant's `expiring_soon_days`.
 * The wallet badges it and lists it first, the console's card list filters by it, and the
 * cards.expiring sweep emits `card.expiring` once per card and expiry date, which a brand's
 * webhook turns into a message to the member.
 */

const DAY = 86_400_000;

/** The expiries that count as "soon" at `now`: after now, at most `days` days ahead. */
export const expiringWindow = (now: Date, days: number) => ({ from: now, until: new Date(now.getTime() + days * DAY) });

/**
 * Days until a card's last day, on the tenant's calendar: 0 when today is its last day ("今天到期"),
 * 1 tomorrow … A card valid until midnight is last usable the day before, so its last day is the
 * calendar day of the moment just before its expiry. Null for a card without one.
 */
export function expiresInDays(validUntil: Date | string | null, now: Date, tz: string): number | null {
  if (!validUntil) return null;
  const last = DateTime.fromMillis(new Date(validUntil).getTime() - 1, { zone: tz }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: tz }).startOf('day');
  return Math.max(0, Math.round(last.diff(today, 'days').days));
}

/** What a member's card shows about its expiry (wallet): expiring soon or not, and in how many days. */
export function expiryOf(c: Pick<CardRow, 'state' | 'valid_until'>, now: Date, tenant: { expiring_soon_days: number; time_zone: string }) {
  const w = expiringWindow(now, tenant.expiring_soon_days);
  const until = c.valid_until ? new Date(c.valid_until) : null;
  return {
    expiring_soon: c.state === 'active' && !!until && until > w.from && until <= w.until,
    expires_in_days: until && until > now ? expiresInDays(until, now, tenant.time_zone) : null,
  };
}

/**
 * The cards.expiring sweep: for each tenant, members' active cards expiring within its window whose
 * current expiry has not been reminded get one `card.expiring` event. Picking a card and marking it
 * reminded (expiring_noticed_for = its valid_until) is one statement, and the events are written in
 * the same transaction: a second process skips the rows the first holds (SKIP LOCKED) and, after it
 * commits, no longer finds them; a crash leaves neither. A card whose expiry is extended has a new
 * valid_until, so it is due again when that one comes near. Frozen cards and bearer codes are not
 * reminded (a frozen card is reminded if it is unfrozen in time; a bearer code when it is bound).
 */
export async function noticeExpiring(ctx: Ctx, limit = 1000): Promise<number> {
  let total = 0;
  for (const t of await tenantsWithExpiryReminders(ctx.db)) {
    for (;;) {
      const now = ctx.clock.now();
      const w = expiringWindow(now, t.expiring_soon_days);
      const n = await ctx.db.tx(async (q) => {
        const due = (
          await q.query<CardRow>(
            `WITH due AS (
               SELECT tenant_id, id FROM cards
               WHERE tenant_id = $1 AND state = 'active' AND member_id IS NOT NULL AND valid_until IS NOT NULL
                 AND expiring_noticed_for IS DISTINCT FROM valid_until AND valid_until > $2 AND valid_until <= $3
               ORDER BY valid_until LIMIT $4 FOR UPDATE SKIP LOCKED)
             UPDATE cards c SET expiring_noticed_for = c.valid_until FROM due
             WHERE c.tenant_id = due.tenant_id AND c.id = due.id RETURNING c.*`,
            [t.id, w.from, w.until, limit],
          )
        ).rows;
        await appendEvents(
          q,
          due.map((c) => ({
            tenantId: t.id,
            cardId: c.id,
            templateId: c.template_id,
            batchId: c.batch_id,
            memberId: c.member_id,
            channelId: c.channel_id,
            type: 'expiring' as const,
            data: {
              valid_until: new Date(c.valid_until!).toISOString(),
              expires_in_days: expiresInDays(c.valid_until, now, t.time_zone),
              expiring_soon_days: t.expiring_soon_days,
            },
            at: now,
          })),
        );
        return due.length;
      });
      total += n;
      if (n < limit) break;
    }
  }
  return total;
}
