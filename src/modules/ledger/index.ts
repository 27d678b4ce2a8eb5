import { defineModule, migrationsOf } from '../../platform/module.js';
import { ledgerMismatches } from './service.js';

/** ledger 流水: every value change of a card, append-only. */
export default defineModule({
  name: 'ledger',
  migrations: migrationsOf(import.meta.url),
  invariants: [
    {
      name: 'card_holdings',
      says: "every card's balance, uses and stamps equal the sums of its ledger entries",
      violations: (q, tenantId) => ledgerMismatches(q, tenantId),
    },
  ],
});
