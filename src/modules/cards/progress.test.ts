import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { drainJobs } from '../../platform/jobs.js';

/**
 * Generation shares the database with everyone else (on PGlite, one connection): it commits chunk
 * by chunk with its progress, and between chunks lets the requests that waited go first, so the
 * batch page sees progress move, a lookup answers and a pause lands while a big batch generates.
 * Asserted by order and by values seen, never by timings.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

test('while a 200,000-code batch generates, reads answer between chunks with progress moving, and a pause stops it there', async () => {
  const total = 200_000;
  const t = await fx.template('cash', { amount_off: 500 });
  const other = await fx.batch(t.id, { mode: 'on_issue' });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: total });
  let jobDone = false;
  const job = drainJobs(env.ctx).then(() => {
    jobDone = true;
  });
  const seen: number[] = [];
  let lookupBeforeDone = false;
  while (!jobDone) {
    await new Promise((res) => setTimeout(res, 100)); // the page polls (a request arrives as I/O, between turns of the event loop)
    const r = await env.api('GET', `/v1/batches/${b.id}`);
    assert.equal(r.status, 200);
    if (jobDone) break;
    seen.push(r.body.generated);
    // another batch's read answers too, before the generation is over
    const o = await env.api('GET', `/v1/batches/${other.id}`);
    assert.equal(o.status, 200);
    if (!jobDone) lookupBeforeDone = true;
    if (seen.filter((g) => g > 0 && g < total).length >= 2) break;
  }
  const between = seen.filter((g) => g > 0 && g < total);
  assert.ok(between.length >= 2, `progress seen strictly between 0 and ${total} at least twice (saw ${seen.join(', ')})`);
  assert.ok(lookupBeforeDone, 'another batch answered while the generation ran');
  assert.deepEqual(
    between,
    [...between].sort((x, y) => x - y),
    'progress only moves forward',
  );
  // the operator's pause answers while the job is still running, and the job stops where it is
  const p = await env.api('POST', `/v1/batches/${b.id}/pause`);
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.equal(p.body.status, 'paused');
  assert.equal(jobDone, false, 'the pause answered before the generation ended');
  await job;
  const after = (await env.api('GET', `/v1/batches/${b.id}`)).body;
  assert.equal(after.status, 'paused');
  assert.ok(after.generated >= between[between.length - 1] && after.generated < total, `stopped part way (${after.generated})`);
  const n = await env.ctx.db.query(`SELECT count(*)::int8 AS n FROM cards WHERE tenant_id = $1 AND batch_id = $2`, [env.tenantId, b.id]);
  assert.equal(n.rows[0].n, after.generated, 'progress is exactly the codes committed');
});
