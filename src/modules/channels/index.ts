import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { channelRoutes } from './routes.js';
import { channelNameResolver } from './names.js';

/** channels 渠道: the tree cards travel through (总代 → 区域代理 → 门店/团长 → KOC); a partner sees its own subtree. */
export default defineModule({
  name: 'channels',
  migrations: migrationsOf(import.meta.url),
  routes: channelRoutes,
  extend: [channelNameResolver],
  events: inArea('channel', { created: ['新建渠道', 'Channel created'], updated: ['渠道资料变更', 'Channel changed'] }),
});
