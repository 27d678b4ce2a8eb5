import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sql } from '../db/index.js';
import { AppError, PendingAnswer, type StoreAnswer } from '../errors.js';
import { appendAudit } from '../modules/audit/service.js';
import { requestSummary } from '../modules/audit/summary.js';
import type { Ctx } from '../platform/context.js';
import { principalOf } from '../http/access.js';

export interface MutationSpec {
  action: string; // audit action, e.g. "template.create"
  targetType: string;
  status?: number; // success status, default 200
  /** what the audit entry says of the outcome, beside the request's redacted summary (e.g. an import's counts) */
  audit?: (result: any) => Record<string, unknown>;
}

class Replay extends Error {}

/** What a fast path must write besides its effect, in the same statement: its audit entry and (see `idempotencyCte`) its stored answer. */
export interface FastMutation {
  tenantId: string;
  at: Date;
  audit: { actor: string; action: string; targetType: string; data: unknown };
  idempotency: { principal: string; key: string; hash: Buffer; status: number } | null;
}

/**
 * A fast path does a whole mutation as ONE statement — the effect, its audit entry and (with an
 * idempotency key) the stored answer, all or nothing — and returns the answer; or returns
 * undefined to hand the request to the ordinary transactional path. It may throw an AppError
 * when nothing changed.
 */
export type FastPath<T> = (m: FastMutation) => Promise<T | undefined>;

/** Numbered parameters for a statement built in pieces: p(value) → "$n". */
export function params() {
  const values: unknown[] = [];
  return { values, p: (v: unknown) => (values.push(v), `$${values.length}`) };
}

/**
 * The stored answer of a fast path with an idempotency key, as a CTE. A second request with the
 * same key fails the whole statement on the key's primary key, so the effect is undone and
 * mutate() answers with the first request's stored answer.
 */
export function idempotencyCte(m: FastMutation, p: (v: unknown) => string, from: string, answer: string): string {
  const i = m.idempotency!;
  return `idempotency_row AS (
    INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash, status_code, response)
    SELECT ${p(m.tenantId)}, ${p(i.principal)}, ${p(i.key)}, ${p(i.hash)}::bytea, ${p(i.status)}::int, ${answer} FROM ${from})`;
}

/** ISO 8601 UTC with milliseconds, exactly as JSON.stringify(Date) writes it (answers built in SQL). */
export const isoSql = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const isKeyConflict = (e: any) => e?.code === '23505' && /idempotency_keys/.test(`${e.constraint ?? ''} ${e.table ?? ''} ${e.message ?? ''}`);

/**
 * Every mutating route goes through here: one transaction holding the effect, its audit entry and
 * (when the caller sent Idempotency-Key or request_no) the stored answer. A retry with the same key
 * and body gets the first answer back; the same key with another body is a 409. Concurrent
 * duplicates wait on the key's row and then replay: one effect, one answer.
 *
 * A route may offer a fast path (the redemption does): it is tried first and does the same — effect,
 * audit, answer — in one statement. If it refuses or collides on the key, the key's stored answer
 * (if there is one) is the reply; if it steps aside (undefined), the transaction below runs.
 */
export async function mutate<T extends Record<string, any>>(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  spec: MutationSpec,
  fn: (q: Sql) => Promise<T>,
  fast?: FastPath<T>,
): Promise<T> {
  try {
    return await mutateOnce(ctx, req, reply, spec, fn, fast);
  } catch (e) {
    if (!(e instanceof PendingAnswer) || e.settled) throw e;
    // sent to review: the action's transaction rolled back; the review, its hold and (with a key) the
    // 202 answer a retry replays are written now, together
    const caller = req.caller!;
    const { key, hash } = keyOf(req, caller);
    const principal = principalOf(caller);
    const store: StoreAnswer | null = key
      ? async (q, status, answer) =>
          (
            await q.query(
              `INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT DO NOTHING RETURNING 1`,
              [caller.tenantId, principal, key, hash!, status, JSON.stringify(answer)],
            )
          ).rowCount > 0
      : null;
    if (await e.settle(store)) throw e;
    const replayed = await replay(ctx, reply, caller.tenantId, principal, key!, hash!);
    if (replayed) return replayed as T;
    throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still running; retry shortly');
  }
}

/** The request's idempotency key (header or request_no) and the hash its stored answer is compared by. */
function keyOf(req: FastifyRequest, caller: NonNullable<FastifyRequest['caller']>) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const key = (req.headers['idempotency-key'] as string | undefined) ?? (typeof body.request_no === 'string' ? body.request_no : undefined);
  // the principal is in the hash too: a stored answer is only ever compared with its own caller's requests
  const hash = key
    ? createHash('sha256')
        .update(`${principalOf(caller)}\n${req.method} ${req.routeOptions.url}\n${JSON.stringify(req.params)}\n${JSON.stringify(body)}`)
        .digest()
    : null;
  return { key, hash };
}

async function mutateOnce<T extends Record<string, any>>(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  spec: MutationSpec,
  fn: (q: Sql) => Promise<T>,
  fast?: FastPath<T>,
): Promise<T> {
  const caller = req.caller!;
  const principal = principalOf(caller);
  const { key, hash } = keyOf(req, caller);
  const status = spec.status ?? 200;
  const run = async (q: Sql) => {
    const result = await fn(q);
    await appendAudit(q, {
      tenantId: caller.tenantId,
      actor: req.actor ?? `key:${caller.keyId}`,
      action: spec.action,
      targetType: spec.targetType,
      targetId: typeof result.id === 'string' ? result.id : null,
      data: { ...auditData(req), ...spec.audit?.(result) },
      at: ctx.clock.now(),
    });
    return result;
  };
  if (key && key.length > 200)
    throw new AppError(422, 'VALIDATION_FAILED', 'Idempotency-Key: at most 200 characters', {
      errors: [{ field: 'Idempotency-Key', reason: 'at most 200 characters' }],
    });
  if (fast) {
    const m: FastMutation = {
      tenantId: caller.tenantId,
      at: ctx.clock.now(),
      audit: { actor: req.actor ?? `key:${caller.keyId}`, action: spec.action, targetType: spec.targetType, data: auditData(req) },
      idempotency: key ? { principal, key, hash: hash!, status } : null,
    };
    try {
      const out = await fast(m);
      if (out !== undefined) {
        reply.status(status);
        return out;
      }
    } catch (e) {
      // with a key, a refusal or a key collision may just mean the first request already did it
      if (!key || !(e instanceof AppError || isKeyConflict(e))) throw e;
      const replayed = await replay(ctx, reply, caller.tenantId, principal, key, hash!);
      if (replayed) return replayed as T;
      if (isKeyConflict(e)) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still running; retry shortly');
      throw e;
    }
  }
  if (!key) {
    reply.status(status);
    return ctx.db.tx(run);
  }
  try {
    const result = await ctx.db.tx(async (q) => {
      const claimed = await q.query(
        `INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash, status_code) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [caller.tenantId, principal, key, hash!],
      );
      if (!claimed.rowCount) throw new Replay();
      const out = await run(q);
      await q.query('UPDATE idempotency_keys SET status_code = $4, response = $5 WHERE tenant_id = $1 AND principal = $2 AND key = $3', [
        caller.tenantId,
        principal,
        key,
        status,
        JSON.stringify(sealResponse(ctx, out)),
      ]);
      return out;
    });
    reply.status(status);
    return result;
  } catch (e) {
    if (!(e instanceof Replay)) throw e;
    const replayed = await replay(ctx, reply, caller.tenantId, principal, key, hash!);
    if (!replayed) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'a request with this Idempotency-Key is still running; retry shortly');
    return replayed as T;
  }
}

/** The first answer to this key, or null when there is none (yet). Another request under the key is a 409. */
async function replay(ctx: Ctx, reply: FastifyReply, tenantId: string, principal: string, key: string, hash: Buffer): Promise<unknown | null> {
  const r = await ctx.db.query<{ request_hash: Uint8Array; status_code: number; response: unknown }>(
    'SELECT request_hash, status_code, response FROM idempotency_keys WHERE tenant_id = $1 AND principal = $2 AND key = $3',
    [tenantId, principal, key],
  );
  const prev = r.rows[0];
  if (!prev || prev.status_code === 0) return null;
  if (!Buffer.from(prev.request_hash).equals(hash)) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
  reply.status(prev.status_code).header('idempotent-replayed', 'true');
  return openResponse(ctx, prev.response);
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

/** What the audit keeps of a request: its params and a bounded, redacted summary of its body. */
const auditData = (req: FastifyRequest) => requestSummary(req.params, req.body);
