import type { Sql } from '../../db/index.js';

export interface AuditInput {
  tenantId: string;
  actor: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  data?: unknown;
  at: Date;
}

/** Hot path: an append, nothing else. Sealing into the chain happens behind it (seal.ts). */
export async function appendAudit(q: Sql, e: AuditInput): Promise<void> {
  await q.query(
    `INSERT INTO audit_entries (tenant_id, actor, action, target_type, target_id, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.tenantId, e.actor, e.action, e.targetType ?? null, e.targetId ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.at],
  );
}

export { sealAll, sealChain } from './seal.js';
export { verifyChain, type VerifyResult } from './verify.js';
export { readHead, parseHead, type Head, type Anchor } from './head.js';
