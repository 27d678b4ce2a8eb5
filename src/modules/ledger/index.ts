import { defineModule, migrationsOf } from '../../platform/module.js';

/** ledger 流水: every value change of a card, append-only. */
export default defineModule({ name: 'ledger', migrations: migrationsOf(import.meta.url) });
