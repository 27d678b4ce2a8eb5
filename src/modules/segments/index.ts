import { defineModule, migrationsOf } from '../../platform/module.js';
import { tagField } from './tag-field.js';

/**
 * segments 人群与标签: members' tags and named segments of members by conditions over what other
 * modules own (each plugs its conditions into `segmentConditions`, point.ts), evaluated in SQL when
 * asked (docs/growth.md "Segments and tags").
 */
export default defineModule({
  name: 'segments',
  migrations: migrationsOf(import.meta.url),
  extend: [tagField],
});
