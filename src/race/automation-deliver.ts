import { createContext } from '../context.js';
import { loadConfig } from '../config.js';
import type { EventRow } from '../platform/events.js';
import { evaluateEvents } from '../modules/automation/subscriber.js';

/**
 * A helper process of src/race/automation.test.ts (not a test): it delivers a tenant's order events
 * to the automation rules itself, each event in its own transaction, in a random order, `rounds`
 * times — as a retried or replayed delivery would, racing the servers' own subscriber and the other
 * helpers. It says `started` after its first commit (the test may kill it from then on) and `done`.
 * argv: tenant id, the orders' amount (the events of one test), rounds, pause between events in ms.
 */
const [tenantId, amount, rounds = '1', pause = '0'] = process.argv.slice(2);
const ctx = await createContext(loadConfig(process.env), { poolSize: 3 });
const events = (
  await ctx.db.query<EventRow>(
    `SELECT tenant_id, id::text, event_type, card_id, template_id, batch_id, member_id, store_id, channel_id, key_id, data, created_at
     FROM events WHERE tenant_id = $1 AND event_type = 'order.placed' AND (data->>'amount')::int = $2 ORDER BY id`,
    [tenantId, Number(amount)],
  )
).rows;
let said = false;
for (let r = 0; r < Number(rounds); r++) {
  const order = [...events].sort(() => Math.random() - 0.5);
  await Promise.all(
    [0, 1].map(async (lane) => {
      for (const e of order.filter((_, i) => i % 2 === lane)) {
        for (let attempt = 0; ; attempt++) {
          try {
            await ctx.db.tx((q) => evaluateEvents(ctx, q, [e]));
            break;
          } catch (err: any) {
            if (err?.code !== '40P01' || attempt > 5) throw err; // a deadlock victim tries again, as the subscriber would
          }
        }
        if (!said) {
          said = true;
          process.stdout.write('started\n');
        }
        if (Number(pause)) await new Promise((res) => setTimeout(res, Number(pause)));
      }
    }),
  );
}
process.stdout.write('done\n');
await ctx.db.close();
