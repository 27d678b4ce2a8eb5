import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import { nameResolvers, resolveNames } from '../../platform/names.js';
import { getTenant } from '../tenants/service.js';
import { getBuyer } from '../wholesale/service.js';

/** Statements by what a person recognises (the audit log): 对账单 · the party's name · its local period. */
export async function statementNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; party_type: string; party_id: string; period_from: Date; period_to: Date }>(
    'SELECT id, party_type, party_id, period_from, period_to FROM settlement_statements WHERE tenant_id = $1 AND id = ANY($2::text[])',
    [tenantId, ids],
  );
  if (!r.rows.length) return new Map();
  const tz = (await getTenant(q, tenantId)).time_zone;
  const parties = await resolveNames(
    q,
    tenantId,
    r.rows.filter((s) => s.party_type === 'channel').map((s) => s.party_id),
  );
  for (const s of r.rows) if (s.party_type === 'buyer' && !parties.has(s.party_id)) parties.set(s.party_id, (await getBuyer(q, tenantId, s.party_id)).name);
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: tz }).toFormat('yyyy-MM-dd');
  return new Map(
    r.rows.map((s) => [s.id, `对账单 ${parties.get(s.party_id) ?? s.party_id} ${day(s.period_from)}—${day(new Date(s.period_to.getTime() - 1))}`]),
  );
}

export const statementNameResolver = nameResolvers.with({ prefixes: ['stm_'], names: statementNames });
