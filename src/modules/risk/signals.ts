import type { Sql } from '../../db/index.js';
import type { Subscriber } from '../../platform/events.js';

/**
 * Client signals 设备与行为: the device and IP of every sign-in, claim and bind (risk_signals), and a
 * member's phone changes (risk_phone_changes, from members' `member.updated` events). The device id
 * is what the client says (the wallet's `X-Kaquan-Device`, a brand's forwarded `client.device_id`):
 * trusted only to tell devices apart, never to prove who is who (docs/risk.md "Device trust").
 */
export const SIGNALLED = new Set(['sign_in', 'claim', 'bind']);

export interface Signal {
  tenantId: string;
  memberId: string | null;
  deviceId: string | null;
  ip: string | null;
  action: string;
  at: Date;
}

/**
 * Records the signal and, in the same statement, counts the other members seen on its device since
 * `since` (null: not asked). Two members racing on one device each see the other only once written:
 * a device rule may admit one member more than its limit under exact concurrency (documented).
 */
export async function recordSignal(db: Sql, s: Signal, since: Date | null): Promise<number> {
  const r = await db.query<{ others: number }>(
    `WITH ins AS (INSERT INTO risk_signals (tenant_id, member_id, device_id, ip, action, at) VALUES ($1,$2,$3,$4,$5,$6))
     SELECT count(DISTINCT member_id)::int AS others FROM risk_signals
      WHERE $7::timestamptz IS NOT NULL AND tenant_id = $1 AND device_id = $3 AND at > $7 AND member_id IS DISTINCT FROM $2 AND member_id IS NOT NULL`,
    [s.tenantId, s.memberId, s.deviceId, s.ip, s.action, s.at, since],
  );
  return r.rows[0]?.others ?? 0;
}

/** The other members seen on a device since `since` (a device rule on an action that records no signal). */
export async function deviceMembers(db: Sql, tenantId: string, deviceId: string, memberId: string | null, since: Date): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(DISTINCT member_id)::int AS n FROM risk_signals WHERE tenant_id = $1 AND device_id = $2 AND at > $3
       AND member_id IS DISTINCT FROM $4 AND member_id IS NOT NULL`,
    [tenantId, deviceId, since, memberId],
  );
  return r.rows[0]?.n ?? 0;
}

export async function phoneChanges(db: Sql, tenantId: string, memberId: string, since: Date): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM risk_phone_changes WHERE tenant_id = $1 AND member_id = $2 AND at > $3', [
    tenantId,
    memberId,
    since,
  ]);
  return r.rows[0]?.n ?? 0;
}

/** Follows members' updates: each one that changed the phone is a phone change (频繁更换绑定信息). */
export const phoneChangeFollower: Subscriber = {
  name: 'risk.phone-changes',
  types: ['member.updated'],
  async handle(_ctx, q, events) {
    for (const e of events) {
      const changed = (e.data?.changed ?? []) as string[];
      if (!e.member_id || !changed.includes('phone')) continue;
      await q.query('INSERT INTO risk_phone_changes (tenant_id, member_id, event_id, at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [
        e.tenant_id,
        e.member_id,
        e.id,
        e.created_at,
      ]);
    }
  },
};
