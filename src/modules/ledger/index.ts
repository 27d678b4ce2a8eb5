import { defineModule, migrationsOf } from '../../platform/module.js';
import { ledgerInvariants } from './invariants.js';

/** ledger 流水: accounts and transfers between them (card value, and what other modules keep), append-only. */
export default defineModule({
  name: 'ledger',
  migrations: migrationsOf(import.meta.url),
  invariants: ledgerInvariants,
});
