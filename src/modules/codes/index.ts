import { defineModule } from '../../platform/module.js';

/** codes 券码: minting codes and PINs (CSPRNG, check character), and their keyed hashes. No tables of its own. */
export default defineModule({ name: 'codes' });
