import type { Sql } from '../../db/index.js';

/**
 * Per-supplier health 健康度 and the circuit breaker 熔断: consecutive failures (confirmed failures,
 * timeouts, unreachable) reaching the supplier's threshold open the circuit for `open_ms`; while open,
 * no new order goes to it (orders already placed are still queried: their outcome matters). After
 * that the next order is the trial (half-open): a success closes the circuit, a failure opens it again.
 */
export async function recordSuccess(q: Sql, tenantId: string, supplierId: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE suppliers SET successes = successes + 1, consecutive_failures = 0, circuit_open_until = NULL, last_success_at = $3
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, supplierId, now],
  );
}

export async function recordFailure(q: Sql, tenantId: string, supplierId: string, now: Date, error: string): Promise<void> {
  await q.query(
    `UPDATE suppliers SET failures = failures + 1, consecutive_failures = consecutive_failures + 1, last_failure_at = $3, last_error = $4,
       circuit_open_until = CASE WHEN consecutive_failures + 1 >= failure_threshold THEN $3::timestamptz + open_ms * interval '1 millisecond'
                                 ELSE circuit_open_until END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, supplierId, now, error.slice(0, 500)],
  );
}

export const circuitOpen = (s: { circuit_open_until: Date | null }, now: Date) => !!s.circuit_open_until && s.circuit_open_until > now;
