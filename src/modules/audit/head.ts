import type { Sql } from '../../db/index.js';
import { invalid } from '../../errors.js';

/** The newest seal of a tenant's chain, to export and keep outside the database (an anchor). */
export interface Head {
  tenant_id: string;
  seal: number;
  mac: string;
  /** entries covered by seals 1..seal */
  entries: number;
  sealed_at: Date;
}

/** A head exported earlier: verification proves the chain still passes through it. */
export interface Anchor {
  tenant_id?: string;
  seal: number;
  mac: Buffer;
  entries?: number;
}

export async function readHead(q: Sql, tenantId: string): Promise<Head | null> {
  const r = await q.query(
    `SELECT tenant_id, seq, encode(mac, 'hex') AS mac, entries, sealed_at FROM audit_seals WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`,
    [tenantId],
  );
  const h = r.rows[0];
  return h ? { tenant_id: h.tenant_id, seal: Number(h.seq), mac: h.mac, entries: Number(h.entries), sealed_at: new Date(h.sealed_at) } : null;
}

const HEAD_FORMAT = 'give the head as `audit-head` prints it (one JSON line) or as SEAL:MAC';

/** Reads an exported head: the JSON line `audit-head` and GET /v1/audit/head give, or "SEAL:MAC". */
export function parseHead(text: string): Anchor {
  let o: any;
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      o = JSON.parse(t);
    } catch {
      throw invalid('head', `not valid JSON; ${HEAD_FORMAT}`);
    }
  } else {
    const m = /^(\d+):([0-9a-fA-F]+)$/.exec(t);
    if (!m) throw invalid('head', HEAD_FORMAT);
    o = { seal: Number(m[1]), mac: m[2] };
  }
  if (!Number.isSafeInteger(o?.seal) || o.seal < 1) throw invalid('head', 'seal must be a seal number (1 or more)');
  if (typeof o.mac !== 'string' || !/^[0-9a-fA-F]{64}$/.test(o.mac)) throw invalid('head', 'mac must be 64 hexadecimal characters');
  if (o.tenant_id !== undefined && typeof o.tenant_id !== 'string') throw invalid('head', 'tenant_id must be a string');
  if (o.entries !== undefined && (!Number.isSafeInteger(o.entries) || o.entries < 0)) throw invalid('head', 'entries must be a whole number');
  return { tenant_id: o.tenant_id, seal: o.seal, mac: Buffer.from(o.mac, 'hex'), entries: o.entries };
}
