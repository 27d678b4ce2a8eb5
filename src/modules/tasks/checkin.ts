import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { emit } from '../../platform/events.js';
import { getTenant } from '../tenants/service.js';
import { checkRewards, sourceResults } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';
import { giveOrRecord } from './give.js';
import { rewardsNames } from './names.js';

/**
 * Daily check-in 每日签到: once per member per day of the tenant's calendar (the row's key), the streak
 * yesterday's plus one or 1 after a missed day; day n of a streak gives the n-th rewards of the cycle,
 * the cycle starting again after its last day. The giving's reference is checkin:<member>:<local date>.
 */
interface SettingsRow {
  enabled: boolean;
  rewards: Reward[][];
  updated_at: Date | null;
}
export const CHECKIN_SOURCE = 'checkin';

export async function getSettings(q: Sql, tenantId: string): Promise<SettingsRow> {
  const r = await q.query<SettingsRow>('SELECT enabled, rewards, updated_at FROM checkin_settings WHERE tenant_id = $1', [tenantId]);
  return r.rows[0] ?? { enabled: false, rewards: [], updated_at: null };
}

export async function putSettings(q: Sql, tenantId: string, input: { enabled: boolean; rewards: Reward[][] }, now: Date) {
  const problems = [];
  for (const [i, day] of input.rewards.entries()) problems.push(...(await checkRewards(q, tenantId, day, `rewards/${i}`)));
  if (problems.length) throw new AppError(422, 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { errors: problems });
  await q.query(
    `INSERT INTO checkin_settings (tenant_id, enabled, rewards, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET enabled = EXCLUDED.enabled, rewards = EXCLUDED.rewards, updated_at = EXCLUDED.updated_at`,
    [tenantId, input.enabled, JSON.stringify(input.rewards), now],
  );
  return settingsView(q, tenantId, now);
}

const dayOf = (rewards: Reward[][], streak: number) => rewards[(streak - 1) % rewards.length]!;

export async function settingsView(q: Sql, tenantId: string, now: Date) {
  const s = await getSettings(q, tenantId);
  const today = DateTime.fromJSDate(now, { zone: (await getTenant(q, tenantId)).time_zone }).toISODate()!;
  const given = (await sourceResults(q, tenantId, 'checkin', [CHECKIN_SOURCE])).get(CHECKIN_SOURCE)!;
  const c = (
    await q.query<{ n: string; today: string; best: number | null }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE local_date = $2::date) AS today, max(streak) AS best FROM checkins WHERE tenant_id = $1`,
      [tenantId, today],
    )
  ).rows[0]!;
  const names = await rewardsNames(q, tenantId, s.rewards);
  return {
    enabled: s.enabled,
    rewards: s.rewards,
    rewards_names: s.rewards.map(names),
    results: { ...given, checkins: Number(c.n), today: Number(c.today), best_streak: c.best ?? 0 },
    updated_at: s.updated_at,
  };
}

interface CheckinRow {
  local_date: string;
  streak: number;
  grant_id: string | null;
  reward_problem: string | null;
}
async function dayRow(q: Sql, tenantId: string, memberId: string, date: string) {
  return (
    await q.query<CheckinRow>(
      `SELECT local_date::text, streak, grant_id, reward_problem FROM checkins WHERE tenant_id = $1 AND member_id = $2 AND local_date = $3::date`,
      [tenantId, memberId, date],
    )
  ).rows[0];
}
async function days(q: Sql, tenantId: string, now: Date) {
  const d = DateTime.fromJSDate(now, { zone: (await getTenant(q, tenantId)).time_zone });
  return { today: d.toISODate()!, yesterday: d.minus({ days: 1 }).toISODate()! };
}

/** 签到: today's check-in (a second one the same day answers the first). */
export async function checkIn(ctx: Ctx, q: Sql, cause: Caller, memberId: string, now: Date) {
  const tenantId = cause.tenantId;
  const s = await getSettings(q, tenantId);
  if (!s.enabled || !s.rewards.length) throw new AppError(409, 'CHECKIN_NOT_ENABLED', 'check-in is not enabled');
  const { today, yesterday } = await days(q, tenantId, now);
  const streak = ((await dayRow(q, tenantId, memberId, yesterday))?.streak ?? 0) + 1;
  const made = await q.query(
    `INSERT INTO checkins (tenant_id, member_id, local_date, streak, created_at) VALUES ($1, $2, $3::date, $4, $5) ON CONFLICT DO NOTHING`,
    [tenantId, memberId, today, streak, now],
  );
  if (made.rowCount) {
    const g = await giveOrRecord(
      ctx,
      q,
      cause,
      {
        memberId,
        rewards: dayOf(s.rewards, streak),
        reference: `checkin:${memberId}:${today}`,
        source: { kind: 'checkin', id: CHECKIN_SOURCE, name: `签到第${streak}天 check-in day ${streak}` },
      },
      now,
    );
    await q.query('UPDATE checkins SET grant_id = $4, reward_problem = $5 WHERE tenant_id = $1 AND member_id = $2 AND local_date = $3::date', [
      tenantId,
      memberId,
      today,
      g.grant,
      g.problem,
    ]);
    await emit(q, [
      {
        tenantId,
        type: 'checkin.done',
        at: now,
        memberId,
        keyId: cause.keyId,
        data: { date: today, streak, grant_id: g.grant, card_ids: g.cards, reward_problem: g.problem },
      },
    ]);
  }
  return walletCheckin(q, tenantId, memberId, now);
}

/** What the wallet shows: today, the streak, what today gives or gave, the cycle. */
export async function walletCheckin(q: Sql, tenantId: string, memberId: string, now: Date) {
  const s = await getSettings(q, tenantId);
  const { today, yesterday } = await days(q, tenantId, now);
  const mine = await dayRow(q, tenantId, memberId, today);
  const streak = mine?.streak ?? (await dayRow(q, tenantId, memberId, yesterday))?.streak ?? 0;
  const names = await rewardsNames(q, tenantId, s.rewards);
  const todays = s.rewards.length ? dayOf(s.rewards, mine ? streak : streak + 1) : null;
  return {
    enabled: s.enabled,
    today,
    checked_in: !!mine,
    streak,
    today_rewards: todays,
    today_rewards_names: todays ? names(todays) : [],
    reward_problem: mine?.reward_problem ?? null,
    cycle: s.rewards.map((r, i) => ({ day: i + 1, rewards: r, rewards_names: names(r) })),
  };
}
