import type { Invariant } from '../../platform/module.js';
import { getBuyer } from '../wholesale/service.js';
import { compute, COLS, type Statement } from './service.js';

const canon = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));

/**
 * 对账 Reconciliation: every closed statement's stored lines and totals equal what its records
 * (allocations, card events, redemptions, wholesale orders and the ledger) give for its period now,
 * valued with its own price and rate snapshot — exactly, in fen. Records are counted by their own
 * time, and a period closes only once it has ended, so a later refund never changes a closed one
 * (it is an adjustment in the next statement).
 */
export const settlementInvariants: Invariant[] = [
  {
    name: 'settlement.reconciles',
    says: 'a closed statement’s stored lines and totals equal those recomputed from the ledger and the records of its period (with its price and rate snapshot), in fen',
    violations: async (q, tenantId) => {
      const r = await q.query(
        `SELECT tenant_id, ${COLS} FROM settlement_statements WHERE state = 'closed' AND ($1::text IS NULL OR tenant_id = $1) ORDER BY tenant_id, id`,
        [tenantId ?? null],
      );
      const bad: unknown[] = [];
      for (const s of r.rows as (Statement & { tenant_id: string })[]) {
        const account = s.party_type === 'buyer' ? (await getBuyer(q, s.tenant_id, s.party_id)).account_id : null;
        const c = await compute(q, s.tenant_id, s.party_type, s.party_id, account, s.period_from, s.period_to, {
          price_level: s.price_level,
          rate_bp: Number(s.rate_bp),
          basis: s.basis,
          prices: s.prices,
        });
        if (canon(c.totals) !== canon(s.totals) || canon(c.lines) !== canon(s.lines))
          bad.push({ tenant_id: s.tenant_id, id: s.id, stored: s.totals, recomputed: c.totals });
      }
      return bad;
    },
  },
];
