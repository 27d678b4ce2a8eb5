import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';
import { inArea } from '../../platform/events.js';
import { memberNameResolver } from './names.js';
import { memberBase, memberFields } from './segment-fields.js';

/** members 会员. */
export default defineModule({
  name: 'members',
  migrations: migrationsOf(import.meta.url),
  routes,
  extend: [memberNameResolver, memberBase, ...memberFields],
  events: inArea('member', { created: ['新会员', 'Member created'], updated: ['会员资料变更', 'Member updated'] }),
});
