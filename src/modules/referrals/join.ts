import { randomInt } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { requireMember } from '../orders/service.js';
import { liveCampaign } from './campaigns.js';
import { qualify } from './pay.js';

/**
 * Codes 邀请码 and joining 填写邀请码. A member's code is made the first time it is asked for and never
 * changes: 8 characters of 31 (no 0/O, 1/I/L to misread), ~8.5·10¹¹ codes per brand, looked up only
 * within the brand. A friend joins with a code once; self-referral, a second referrer and a loop
 * (the referrer was, directly or up the chain, referred by the friend) are refused, each by name.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const makeCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** The member's code, made on first ask (a concurrent first ask answers the same code). */
export async function codeOf(q: Sql, tenantId: string, memberId: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const had = await q.query<{ code: string }>('SELECT code FROM referral_codes WHERE tenant_id = $1 AND member_id = $2', [tenantId, memberId]);
    if (had.rows[0]) return had.rows[0].code;
    // a code already another member's collides on (tenant, code): nothing is inserted and a new one is drawn
    const made = await q.query<{ code: string }>(
      `INSERT INTO referral_codes (tenant_id, member_id, code, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING code`,
      [tenantId, memberId, makeCode(), now],
    );
    if (made.rows[0]) return made.rows[0].code;
  }
  throw new Error('no free referral code after 5 draws');
}

export async function memberByCode(q: Sql, tenantId: string, code: string): Promise<string | null> {
  const r = await q.query<{ member_id: string }>('SELECT member_id FROM referral_codes WHERE tenant_id = $1 AND code = $2', [tenantId, code.toUpperCase()]);
  return r.rows[0]?.member_id ?? null;
}

export interface ReferralRow {
  id: string;
  campaign_id: string;
  referrer_id: string;
  referee_id: string;
  state: 'pending' | 'qualified' | 'rewarded' | 'cancelled';
  qualified_at: Date | null;
  order_id: string | null;
  due_at: Date | null;
  paid_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  referrer_grant_id: string | null;
  referee_grant_id: string | null;
  referrer_problem: string | null;
  referee_problem: string | null;
  created_at: Date;
}
export const REFERRAL_COLS =
  'id, campaign_id, referrer_id, referee_id, state, qualified_at, order_id, due_at, paid_at, cancelled_at, cancel_reason, referrer_grant_id, referee_grant_id, referrer_problem, referee_problem, created_at';

const refused = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(409, code, message, { errors: [{ field: 'code', reason: message }], ...extra });

/**
 * The friend (referee) joins with a code. Both members' code rows are locked in member-id order first,
 * so two friends entering each other's codes at once are taken one after the other and the second is
 * refused as a loop. A registration campaign qualifies the referral at once.
 */
export async function joinWithCode(ctx: Ctx, q: Sql, cause: Caller, refereeId: string, code: string, now: Date): Promise<ReferralRow> {
  const tenantId = cause.tenantId;
  await requireMember(q, tenantId, refereeId, 'member_id');
  const referrerId = await memberByCode(q, tenantId, code);
  if (!referrerId)
    throw new AppError(404, 'REFERRAL_CODE_NOT_FOUND', 'code: no member has this referral code', { errors: [{ field: 'code', reason: 'not found' }] });
  if (referrerId === refereeId) throw refused('REFERRAL_SELF', 'a member cannot use their own referral code');
  await codeOf(q, tenantId, refereeId, now);
  await q.query('SELECT member_id FROM referral_codes WHERE tenant_id = $1 AND member_id = ANY($2::text[]) ORDER BY member_id FOR UPDATE', [
    tenantId,
    [referrerId, refereeId],
  ]);
  const mine = await q.query<{ id: string }>('SELECT id FROM referrals WHERE tenant_id = $1 AND referee_id = $2', [tenantId, refereeId]);
  if (mine.rows[0]) throw refused('REFERRAL_ALREADY_REFERRED', 'this member has already joined with a referral code');
  // a loop: the friend is the referrer's referrer, or theirs, … (each member has at most one, so the chain is a line)
  const loop = await q.query(
    `WITH RECURSIVE up(member_id, depth) AS (
       SELECT referrer_id, 1 FROM referrals WHERE tenant_id = $1 AND referee_id = $2
       UNION ALL SELECT r.referrer_id, up.depth + 1 FROM referrals r JOIN up ON r.tenant_id = $1 AND r.referee_id = up.member_id WHERE up.depth < 1000)
     SELECT 1 FROM up WHERE member_id = $3 LIMIT 1`,
    [tenantId, referrerId, refereeId],
  );
  if (loop.rows.length) throw refused('REFERRAL_LOOP', 'the code’s owner was invited by this member (directly or through friends)');
  const c = await liveCampaign(q, tenantId, now);
  if (!c) throw new AppError(409, 'REFERRAL_NO_CAMPAIGN', 'no referral campaign is live now');
  const r = await q.query<ReferralRow>(
    `INSERT INTO referrals (tenant_id, id, campaign_id, referrer_id, referee_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${REFERRAL_COLS}`,
    [tenantId, newId('rfl', now.getTime()), c.id, referrerId, refereeId, now],
  );
  const row = r.rows[0]!;
  await emit(q, [
    {
      tenantId,
      type: 'referral.joined',
      at: now,
      memberId: refereeId,
      keyId: cause.keyId,
      data: { referral_id: row.id, campaign_id: c.id, referrer_id: referrerId },
    },
  ]);
  if (c.qualify_on === 'registration') return (await qualify(ctx, q, tenantId, row, c, { at: now }))!;
  return row;
}
