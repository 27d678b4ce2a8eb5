import type { Ctx } from '../../platform/context.js';
import { getTenant } from '../tenants/service.js';
import { membersBornOn } from '../members/service.js';
import { segmentMembers } from '../segments/service.js';
import { localDate, localTime } from './decide.js';
import { fireRule } from './fire.js';
import { RULE_COLS, type RuleRow } from './model.js';

/**
 * The calendar 生日与定时: a recurring job that runs birthday and schedule rules in each brand's time
 * zone. A rule is due once its local time (`trigger.at`, default 09:00) has passed on a due local day
 * (birthday: every day; schedule: every day, on its weekday, or on its day of the month). It is run a
 * page of members at a time, each page its own transaction; each member's firing is named by the local
 * date (`birthday:2026-12-07:<member>`), so a process killed mid-run loses nothing and fires nobody
 * twice: the next run takes the day up again and the firings already made answer as duplicates. The
 * day is marked done (`calendar_done`) only when every page is through.
 *
 * 29 February: outside leap years, members born on 29 Feb are greeted on 28 Feb.
 */
const PAGE = 200;

export const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The birthdays (month, day) celebrated on this local date. */
export function birthdaysOn(date: string): { month: number; day: number }[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = [{ month: m, day: d }];
  if (m === 2 && d === 28 && !isLeap(y)) days.push({ month: 2, day: 29 });
  return days;
}

/** Is a schedule rule due on this local date (ISO weekday 1 Monday … 7 Sunday). */
function scheduleDue(rule: RuleRow, date: string): boolean {
  const t = rule.trigger;
  const d = new Date(`${date}T00:00:00Z`);
  if (t.every === 'week') return ((d.getUTCDay() + 6) % 7) + 1 === t.weekday;
  if (t.every === 'month') return d.getUTCDate() === t.day;
  return true;
}

export async function runCalendar(ctx: Ctx): Promise<void> {
  const rules = await ctx.db.query<RuleRow & { tenant_id: string }>(
    `SELECT tenant_id, ${RULE_COLS} FROM automation_rules WHERE status = 'active' AND trigger_type IN ('birthday', 'schedule') ORDER BY tenant_id, id`,
  );
  const now = ctx.clock.now();
  for (const rule of rules.rows) {
    const zone = (await getTenant(ctx.db, rule.tenant_id)).time_zone;
    const today = localDate(now, zone);
    if (rule.calendar_done === today || localTime(now, zone) < (rule.trigger.at ?? '09:00')) continue;
    if (rule.trigger_type === 'schedule' && !scheduleDue(rule, today)) continue;
    await runDay(ctx, rule.tenant_id, zone, rule, today, now);
  }
}

async function runDay(ctx: Ctx, tenantId: string, zone: string, rule: RuleRow, today: string, now: Date): Promise<void> {
  const segment = rule.conditions.find((c) => c.field === 'segment_id' && c.op === 'in')?.value as string | undefined;
  let after = '';
  for (;;) {
    const page =
      rule.trigger_type === 'birthday'
        ? await membersBornOn(ctx.db, tenantId, birthdaysOn(today), after, PAGE)
        : await segmentMembers(ctx.db, tenantId, segment!, { after: after || undefined, limit: PAGE });
    if (!page.length) break;
    await ctx.db.tx(async (q) => {
      for (const memberId of page) {
        const o = { id: `${rule.trigger_type}:${today}:${memberId}`, type: rule.trigger_type, memberId, at: now, data: { date: today }, cols: {} };
        await fireRule(ctx, q, tenantId, zone, rule, o);
      }
    });
    after = page[page.length - 1]!;
    if (page.length < PAGE) break;
  }
  await ctx.db.query('UPDATE automation_rules SET calendar_done = $3 WHERE tenant_id = $1 AND id = $2 AND trigger = $4::jsonb', [
    tenantId,
    rule.id,
    today,
    JSON.stringify(rule.trigger),
  ]);
}
