import type { Sql } from '../../db/index.js';

/** 积分商城设置: whether refunding an exchange gives its points back (the default: yes). */
export interface MallSettings {
  return_points_on_refund: boolean;
}

export async function getSettings(q: Sql, tenantId: string): Promise<MallSettings> {
  const r = await q.query<MallSettings>('SELECT return_points_on_refund FROM mall_settings WHERE tenant_id = $1', [tenantId]);
  return r.rows[0] ?? { return_points_on_refund: true };
}

export async function putSettings(q: Sql, tenantId: string, s: MallSettings, now: Date): Promise<MallSettings> {
  const r = await q.query<MallSettings>(
    `INSERT INTO mall_settings (tenant_id, return_points_on_refund, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET return_points_on_refund = $2, updated_at = $3 RETURNING return_points_on_refund`,
    [tenantId, s.return_points_on_refund, now],
  );
  return r.rows[0]!;
}
