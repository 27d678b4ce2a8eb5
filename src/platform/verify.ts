import type { Sql } from '../db/index.js';
import type { ModuleDef } from './module.js';

export interface Broken {
  name: string;
  says: string;
  count: number;
  /** the first few rows that break it */
  rows: unknown[];
}

/** Checks every module's invariants (of one tenant, or of all); answers those that do not hold. */
export async function verifyInvariants(q: Sql, modules: ModuleDef[], tenantId?: string): Promise<Broken[]> {
  const broken: Broken[] = [];
  for (const m of modules) {
    for (const inv of m.invariants ?? []) {
      const rows = await inv.violations(q, tenantId);
      if (rows.length) broken.push({ name: `${m.name}.${inv.name}`, says: inv.says, count: rows.length, rows: rows.slice(0, 5) });
    }
  }
  return broken;
}
