import type { Sql } from '../../db/index.js';
import { invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import type { Keyring } from '../../secrets.js';
import { isInternalName, isPublicAddress, literalAddress } from './public-address.js';
import { newSigningSecret } from './signature.js';
import { eventTypes, isEventType } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';

/** The events an endpoint may subscribe to: the card event catalogue, each as `card.<type>`. */

/** Each endpoint multiplies every event's deliveries; a small cap keeps the fan-out bounded. */
export const MAX_ENDPOINTS = 20;

export interface Endpoint {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date | null;
}
const COLS = 'id, url, description, event_types, active, created_at, updated_at';

export interface EndpointInput {
  url?: string;
  event_types?: string[];
  description?: string | null;
  active?: boolean;
}

/** Whether an endpoint may point at private, loopback and link-local addresses (KAQUAN_WEBHOOK_ALLOW_PRIVATE). */
export interface TargetPolicy {
  allowPrivate?: boolean;
}

/**
 * Early feedback only: the URL parser has already turned 0x7f000001, 2130706433, 0177.0.0.1 and 127.1
 * into 127.0.0.1, so every spelling of an address is checked. Names are checked where it counts, at connect time.
 */
function checkUrl(url: string, policy: TargetPolicy): string {
  let u: URL;
  url = url.trim();
  try {
    u = new URL(url);
  } catch {
    throw invalid('url', 'not a valid URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid('url', 'only http and https URLs are allowed');
  if (u.username || u.password) throw invalid('url', 'credentials in the URL are not allowed; verify the signature instead');
  const literal = literalAddress(u.hostname);
  if (!policy.allowPrivate && (literal ? !isPublicAddress(literal) : isInternalName(u.hostname))) {
    throw invalid('url', 'webhooks go only to public addresses; this host is private, loopback, link-local or reserved');
  }
  return url;
}

function checkEventTypes(types: string[]): string[] {
  types.forEach((t, i) => {
    if (!isEventType(t))
      throw invalid(
        `event_types.${i}`,
        `unknown event type "${t}"; one of ${eventTypes()
          .map((e) => e.type)
          .join(', ')}`,
      );
  });
  return [...new Set(types)];
}

export async function createEndpoint(
  q: Sql,
  keys: Keyring,
  tenantId: string,
  input: EndpointInput & { url: string },
  at: Date,
  policy: TargetPolicy = {},
): Promise<Endpoint & { secret: string }> {
  const url = checkUrl(input.url, policy);
  const types = checkEventTypes(input.event_types ?? []);
  const n = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_endpoints WHERE tenant_id = $1', [tenantId]);
  if (n.rows[0].n >= MAX_ENDPOINTS)
    throw refusal('WEBHOOK_ENDPOINT_LIMIT', `a tenant may have at most ${MAX_ENDPOINTS} webhook endpoints`, { max: MAX_ENDPOINTS });
  const secret = newSigningSecret();
  const r = await q.query<Endpoint>(
    `INSERT INTO webhook_endpoints (tenant_id, id, url, secret_enc, event_types, description, active, created_at, active_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7 THEN NULL ELSE pg_current_xact_id() END) RETURNING ${COLS}`,
    [tenantId, newId('whe', at.getTime()), url, keys.encryptText(secret), types, input.description ?? null, input.active ?? true, at],
  );
  return { ...r.rows[0], secret };
}

export async function getEndpoint(q: Sql, tenantId: string, id: string): Promise<Endpoint> {
  const r = await q.query<Endpoint>(`SELECT ${COLS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('webhook_endpoint');
  return r.rows[0];
}

/** What the endpoint list sorts by (at most MAX_ENDPOINTS rows). URLs sort by their first 200 characters, ties by id. */
export const ENDPOINT_SORTS = { created_at: null, url: { sql: 'left(url, 200)', type: 'text' } } satisfies Sorts;

export async function listEndpoints(q: Sql, tenantId: string, opts: { limit: number; cursor?: string; sort?: string }) {
  const page = keyset(ENDPOINT_SORTS, opts.sort, opts.cursor);
  const params: unknown[] = [tenantId];
  const r = await q.query<Endpoint>(
    `SELECT ${COLS}${page.select} FROM webhook_endpoints WHERE tenant_id = $1 AND ${page.after(params)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit(params, opts.limit)}`,
    params,
  );
  return page.page(r.rows, opts.limit);
}

export async function updateEndpoint(q: Sql, tenantId: string, id: string, input: EndpointInput, at: Date, policy: TargetPolicy = {}): Promise<Endpoint> {
  const r = await q.query<Endpoint>(
    `UPDATE webhook_endpoints SET url = coalesce($3, url), event_types = coalesce($4, event_types), active = coalesce($5, active),
       active_from = CASE WHEN $5 AND NOT active THEN pg_current_xact_id() ELSE active_from END,
       active_until = CASE WHEN $5 THEN NULL WHEN NOT $5 AND active THEN pg_current_xact_id() ELSE active_until END,
       description = CASE WHEN $6 THEN $7 ELSE description END, updated_at = $8
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [
      tenantId,
      id,
      input.url === undefined ? null : checkUrl(input.url, policy),
      input.event_types === undefined ? null : checkEventTypes(input.event_types),
      input.active ?? null,
      input.description !== undefined,
      input.description ?? null,
      at,
    ],
  );
  if (!r.rows[0]) throw notFound('webhook_endpoint');
  return r.rows[0];
}

/** A new secret replaces the old one at once; it is shown in this answer only. */
export async function rotateSecret(q: Sql, keys: Keyring, tenantId: string, id: string, at: Date): Promise<Endpoint & { secret: string }> {
  const secret = newSigningSecret();
  const r = await q.query<Endpoint>(`UPDATE webhook_endpoints SET secret_enc = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`, [
    tenantId,
    id,
    keys.encryptText(secret),
    at,
  ]);
  if (!r.rows[0]) throw notFound('webhook_endpoint');
  return { ...r.rows[0], secret };
}

/** Deleting removes the endpoint and its delivery log; PATCH active=false is the way to pause. */
export async function deleteEndpoint(q: Sql, tenantId: string, id: string): Promise<{ id: string; deleted: boolean }> {
  const r = await q.query('DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  if (!r.rowCount) throw notFound('webhook_endpoint');
  await q.query('DELETE FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2', [tenantId, id]);
  return { id, deleted: true };
}
