import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sql } from '../db/index.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../modules/audit/service.js';
import type { Ctx } from './context.js';

export interface MutationSpec {
  action: string; // audit action, e.g. "template.create"
  targetType: string;
  status?: number; // success status, default 200
}

class Replay extends Error {}

/**
 * Every mutating route goes through here: one transaction holding the effect, its audit entry and
 * (when the caller sent Idempotency-Key or request_no) the stored answer. A retry with the same key
 * and body gets the first answer back; the same key with another body is a 409. Concurrent
 * duplicates wait on the key's row and then replay: one effect, one answer.
 */
export async function mutate<T extends Record<string, any>>(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  spec: MutationSpec,
  fn: (q: Sql) => Promise<T>,
): Promise<T> {
  const caller = req.caller!;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const key = (req.headers['idempotency-key'] as string | undefined) ?? (typeof body.request_no === 'string' ? body.request_no : undefined);
  const status = spec.status ?? 200;
  const run = async (q: Sql) => {
    const result = await fn(q);
    await appendAudit(q, {
      tenantId: caller.tenantId,
      actor: req.actor ?? `key:${caller.keyId}`,
      action: spec.action,
      targetType: spec.targetType,
      targetId: typeof result.id === 'string' ? result.id : null,
      data: auditData(req),
      at: ctx.clock.now(),
    });
    return result;
  };
  if (!key) {
    reply.status(status);
    return ctx.db.tx(run);
  }
  if (key.length > 200) throw new AppError(422, 'VALIDATION_FAILED', 'Idempotency-Key: at most 200 characters');
  const hash = createHash('sha256').update(`${req.method} ${req.routeOptions.url}\n${JSON.stringify(req.params)}\n${JSON.stringify(body)}`).digest();
  try {
    const result = await ctx.db.tx(async (q) => {
      const claimed = await q.query(
        `INSERT INTO idempotency_keys (tenant_id, key, request_hash, status_code) VALUES ($1, $2, $3, 0)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [caller.tenantId, key, hash],
      );
      if (!claimed.rowCount) throw new Replay();
      const out = await run(q);
      await q.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE tenant_id = $1 AND key = $2', [
        caller.tenantId, key, status, JSON.stringify(sealResponse(ctx, out)),
      ]);
      return out;
    });
    reply.status(status);
    return result;
  } catch (e) {
    if (!(e instanceof Replay)) throw e;
    const r = await ctx.db.query<{ request_hash: Uint8Array; status_code: number; response: T }>(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
      [caller.tenantId, key],
    );
    const prev = r.rows[0];
    if (!prev || prev.status_code === 0) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still running; retry shortly');
    if (!Buffer.from(prev.request_hash).equals(hash))
      throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
    reply.status(prev.status_code).header('idempotent-replayed', 'true');
    return openResponse(ctx, prev.response) as T;
  }
}

const SECRET_FIELDS = /"(code|pin|secret)":/;
/** A stored answer that carries a card code, PIN or secret is kept encrypted, like every code at rest. */
function sealResponse(ctx: Ctx, out: unknown): unknown {
  const json = JSON.stringify(out);
  return SECRET_FIELDS.test(json) ? { __sealed: ctx.keys.encryptText(json) } : out;
}
function openResponse(ctx: Ctx, stored: any): unknown {
  return stored && typeof stored.__sealed === 'string' ? JSON.parse(ctx.keys.decryptText(stored.__sealed)) : stored;
}

/** What the audit keeps of a request: its params and body, minus secrets. */
function auditData(req: FastifyRequest) {
  const body = { ...((req.body ?? {}) as Record<string, unknown>) };
  for (const k of ['code', 'pin', 'password', 'secret', 'phone']) if (k in body) body[k] = '[redacted]';
  return { params: req.params, body };
}
