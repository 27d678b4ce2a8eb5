import type { Sql } from '../../db/index.js';
import { newId } from '../../ids.js';

/** Channels 渠道: who a card was issued through; a channel key sees only its channel's cards. */
export async function createChannel(q: Sql, tenantId: string, input: { name: string }) {
  const r = await q.query('INSERT INTO channels (tenant_id, id, name) VALUES ($1, $2, $3) RETURNING id, name, created_at', [
    tenantId,
    newId('chn'),
    input.name,
  ]);
  return r.rows[0] as { id: string; name: string; created_at: Date };
}

export async function listChannels(q: Sql, tenantId: string) {
  return (await q.query('SELECT id, name, created_at FROM channels WHERE tenant_id = $1 ORDER BY created_at', [tenantId])).rows;
}

export async function channelExists(q: Sql, tenantId: string, id: string): Promise<boolean> {
  return !!(await q.query('SELECT 1 FROM channels WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rowCount;
}
