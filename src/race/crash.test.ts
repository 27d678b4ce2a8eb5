import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ledgerMismatches } from '../modules/ledger/service.js';
import { SKIP, startCluster, inParallel, type Cluster, type Reply } from './cluster.js';

/**
 * Crash safety: redemption load runs against three server processes while the one that runs the
 * jobs (mid code generation, with webhook deliveries and sweeps due) is SIGKILLed and restarted.
 * Afterwards every answered redemption has all of its effect, nothing is half-applied, the ledger
 * matches every card, and the jobs finished without loss or duplication.
 */
/**
 * Three chunks of generation on PostgreSQL (src/modules/cards/generate.ts: 20,000 a chunk): the kill comes
 * once the first is committed, with the second under way: the restart resumes it. It was 120,000: more
 * of the same chunks, proving nothing more.
 */
const QUANTITY = 60_000;

describe('a server killed mid-flight', { skip: SKIP }, () => {
  let c: Cluster;
  let hooks: Server;
  const received = new Map<string, number>(); // webhook event id → times received
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const q = <T = any>(sql: string, params: unknown[] = []) => c.ctx.db.query<T>(sql, params).then((r) => r.rows);
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  before(async () => {
    hooks = createServer((req, res) => {
      const id = String(req.headers['kaquan-event-id']);
      received.set(id, (received.get(id) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    // only server 0 runs jobs, so killing it interrupts them; a 2 s lease lets its restart take them back
    c = await startCluster(3, {
      env: { KAQUAN_JOB_LEASE_MS: '2000', KAQUAN_WEBHOOK_ALLOW_PRIVATE: 'on' },
      perServerEnv: (i): Record<string, string> => (i === 0 ? {} : { KAQUAN_JOBS: 'off' }),
    });
  });
  after(async () => {
    await c?.stop();
    hooks?.close();
  });

  test('every answered redemption has all its effect; jobs resume without loss or duplication', async (t) => {
    ok(
      await c.call('POST', '/v1/webhook-endpoints', { url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`, event_types: ['card.redeemed'] }),
      'endpoint',
    );
    const tpl = async (kind: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      ok(await c.call('POST', '/v1/templates', { kind, name: kind, value, validity: { type: 'relative', days: 30 }, ...extra }), 'template');
    const onIssue = async (t: any) => ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'crash', mode: 'on_issue' }), 'batch');
    const issueMany = async (kind: string, value: Record<string, unknown>, n: number, extra: Record<string, unknown> = {}) => {
      const b = await onIssue(await tpl(kind, value, extra));
      return inParallel(n, 16, async () => ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id }), 'issue'));
    };
    const singles = await issueMany('cash', { amount_off: 300 }, 200);
    const counts = await issueMany('count', { uses: 1000 }, 8);
    const values = await issueMany('stored_value', { initial_balance: 1_000_000 }, 8);
    const [periodic] = await issueMany('periodic', { uses_per_period: 2, period: 'month', periods: 3 }, 1, { validity: { type: 'none' } });
    const [expiring] = await issueMany('stored_value', { initial_balance: 5000 }, 1);

    type Sent = { body: Record<string, unknown>; key: string | null; reply?: Reply; error?: string };
    const sent: Sent[] = [];
    let running = true;
    const pick = (w: number, i: number): Sent => {
      const r = (w * 7919 + i * 104729) % 1000;
      const key = i % 2 === 0 ? `crash-${w}-${i}` : null;
      if (r < 500) return { body: { code: singles[r % singles.length].code }, key };
      if (r < 750) return { body: { code: counts[r % counts.length].code }, key };
      return { body: { code: values[r % values.length].code, amount: 100 + (r % 50) }, key };
    };
    const send = async (s: Sent) => {
      try {
        s.reply = await c.call('POST', '/v1/redemptions', s.body, { headers: s.key ? { 'idempotency-key': s.key } : {} });
        s.error = undefined;
      } catch (e) {
        s.error = String(e);
      }
    };
    const loops = Array.from({ length: 48 }, async (_, w) => {
      for (let i = 0; running; i++) {
        const s = pick(w, i);
        sent.push(s);
        await send(s);
        if (s.error) await sleep(200); // a client backs off when the server is gone (a storm of refused connections proves nothing more)
      }
    });
    // conditions, not fixed sleeps: each step waits for what the next one needs, however busy the machine
    const answered201 = () => sent.filter((s) => s.reply?.status === 201).length;
    const until = async (what: string, cond: () => boolean | Promise<boolean>, ms = 60_000) => {
      for (const end = Date.now() + ms; !(await cond()); await sleep(50)) assert.ok(Date.now() < end, `timed out: ${what}`);
    };
    let gen: any;
    let mid: any;
    try {
      await until('the load runs on every server', () => answered201() >= 100);

      // make a refill and an expiry due, then start a big batch on server 0 (three chunks on PostgreSQL) and kill
      // the process that runs the jobs as soon as its first chunk is in — mid-load, mid-generation, sweeps due
      await q(`UPDATE cards SET period_ends_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [c.tenantId, periodic.id]);
      await q(`UPDATE cards SET valid_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [c.tenantId, expiring.id]);
      await q(`UPDATE jobs SET run_at = now() WHERE singleton IN ('cards.refill', 'cards.expire') AND state = 'pending'`);
      gen = ok(
        await c.call('POST', '/v1/batches', {
          template_id: (await tpl('cash', { amount_off: 100 })).id,
          name: 'big',
          mode: 'pregenerated',
          quantity: QUANTITY,
        }),
        'batch',
      );
      const generated = async () => (await q('SELECT generated FROM batches WHERE tenant_id = $1 AND id = $2', [c.tenantId, gen.id]))[0].generated as number;
      await until('the generation is under way', async () => (await generated()) > 0);
      await c.kill(0, 'SIGKILL');
      [mid] = await q('SELECT generated, quantity FROM batches WHERE tenant_id = $1 AND id = $2', [c.tenantId, gen.id]);
      await until('requests met the dead process', () => sent.some((s) => s.error));
      await c.start(0);
      const before = answered201();
      await until('the load runs on after the restart', () => answered201() >= before + 100);
    } finally {
      running = false; // a step that fails must not leave the load running, and the file with it
    }
    await Promise.all(loops);

    // a keyed request that got no answer is retried with its key: it either did all or nothing
    const unanswered = sent.filter((s) => s.error && s.key);
    await inParallel(unanswered.length, 16, (i) => send(unanswered[i]));
    t.diagnostic(
      `${sent.length} redemptions sent, ${sent.filter((s) => s.reply?.status === 201).length} answered 201, ${unanswered.length} keyed ones retried; killed at ${mid.generated}/${mid.quantity} codes`,
    );
    assert.ok(
      sent.some((s) => s.error),
      'some requests were in flight on the killed process',
    );
    assert.ok(mid.generated < mid.quantity, 'the kill interrupted the generation');

    // the jobs come back: generation finishes, sweeps run, the outbox drains
    await q(`UPDATE jobs SET run_at = now() WHERE singleton IN ('cards.refill', 'cards.expire') AND state = 'pending'`);
    for (let i = 0; i < 1200; i++) {
      const [b] = await q('SELECT status FROM batches WHERE tenant_id = $1 AND id = $2', [c.tenantId, gen.id]);
      const [{ due }] = await q(`SELECT count(*)::int AS due FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= now()`);
      const [{ behind }] = await q(
        // events the webhook outbox's subscriber has not reached yet
        `SELECT count(*)::int AS behind FROM events e, event_cursors k WHERE k.subscriber = 'webhooks' AND (e.xid, e.id) > (k.xid, k.id)`,
      );
      const [p] = await q('SELECT period_no FROM cards WHERE tenant_id = $1 AND id = $2', [c.tenantId, periodic.id]);
      const [x] = await q('SELECT state FROM cards WHERE tenant_id = $1 AND id = $2', [c.tenantId, expiring.id]);
      if (b.status === 'ready' && due === 0 && behind === 0 && p.period_no === 2 && x.state === 'expired') break;
      await sleep(100);
    }

    // 1. every 2xx answer has its whole effect: the redemption, its ledger entry, its event and its audit entry
    const answered = sent.filter((s) => s.reply && s.reply.status === 201).map((s) => s.reply!.body.id as string);
    assert.ok(answered.length > 100, `load ran (${answered.length} redemptions)`);
    const found = await q<{ id: string }>(`SELECT id FROM redemptions WHERE tenant_id = $1 AND id = ANY($2) AND status = 'done'`, [c.tenantId, answered]);
    assert.equal(found.length, new Set(answered).size, 'every answered redemption is there');
    assert.ok(
      sent.every((s) => !s.reply || s.reply.status < 500),
      'no 5xx',
    );

    // 2. nothing half-applied: redemption ⇔ ledger entry ⇔ event ⇔ audit entry, one each
    const half = await q(
      `SELECT r.id,
         (SELECT count(*) FROM ledger_entries l WHERE l.tenant_id = r.tenant_id AND l.redemption_id = r.id) AS ledger,
         (SELECT count(*) FROM events e WHERE e.tenant_id = r.tenant_id AND e.card_id = r.card_id AND e.data->>'redemption_id' = r.id) AS events,
         (SELECT count(*) FROM audit_entries a WHERE a.tenant_id = r.tenant_id AND a.target_id = r.id) AS audits
       FROM redemptions r WHERE r.tenant_id = $1`,
      [c.tenantId],
    );
    assert.deepEqual(
      half.filter((h) => Number(h.ledger) !== 1 || Number(h.events) !== 1 || Number(h.audits) !== 1),
      [],
    );
    const orphans = await q(
      `SELECT l.id FROM ledger_entries l WHERE l.tenant_id = $1 AND l.redemption_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.tenant_id = l.tenant_id AND r.id = l.redemption_id)`,
      [c.tenantId],
    );
    assert.deepEqual(orphans, [], 'no ledger entry without its redemption');
    const twice = await q(`SELECT card_id FROM redemptions WHERE tenant_id = $1 AND card_id = ANY($2) GROUP BY card_id HAVING count(*) > 1`, [
      c.tenantId,
      singles.map((s: any) => s.id),
    ]);
    assert.deepEqual(twice, [], 'no single-use card redeemed twice');

    // 3. idempotency keys: each stored answer names a redemption that exists; a retried key got the same one
    const keyed = await q<{ key: string; id: string }>(`SELECT key, response->>'id' AS id FROM idempotency_keys WHERE tenant_id = $1 AND key LIKE 'crash-%'`, [
      c.tenantId,
    ]);
    const ids = new Set(found.map((f) => f.id));
    const all = new Set((await q<{ id: string }>('SELECT id FROM redemptions WHERE tenant_id = $1', [c.tenantId])).map((r) => r.id));
    assert.ok(
      keyed.every((k) => all.has(k.id)),
      'every stored answer is a real redemption',
    );
    const byKey = new Map(keyed.map((k) => [k.key, k.id]));
    for (const s of sent) if (s.key && s.reply?.status === 201) assert.equal(byKey.get(s.key), s.reply.body.id, 'a key answers with its one redemption');
    assert.ok(ids.size > 0);

    // 4. the ledger equals every card's cached holdings
    assert.deepEqual(await ledgerMismatches(c.ctx.db, c.tenantId), []);

    // 5. jobs: the batch finished exactly (no lost or doubled chunk), the sweeps ran once, nothing failed
    const [b] = await q('SELECT status, generated, quantity FROM batches WHERE tenant_id = $1 AND id = $2', [c.tenantId, gen.id]);
    assert.deepEqual(b, { status: 'ready', generated: QUANTITY, quantity: QUANTITY });
    const [cards] = await q(
      'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs, min(seq)::int AS lo, max(seq)::int AS hi FROM cards WHERE tenant_id = $1 AND batch_id = $2',
      [c.tenantId, gen.id],
    );
    assert.deepEqual(cards, { n: QUANTITY, seqs: QUANTITY, lo: 1, hi: QUANTITY });
    const refills = await q(`SELECT entry_type FROM ledger_entries WHERE tenant_id = $1 AND card_id = $2 AND entry_type IN ('refill', 'period_close')`, [
      c.tenantId,
      periodic.id,
    ]);
    assert.equal(refills.length, 2, 'one period_close and one refill');
    const expiries = await q(`SELECT amount FROM ledger_entries WHERE tenant_id = $1 AND card_id = $2 AND entry_type = 'expire'`, [c.tenantId, expiring.id]);
    assert.deepEqual(
      expiries.map((e) => Number(e.amount)),
      [-5000],
      'expired once, with what it held',
    );
    assert.deepEqual(await q(`SELECT job_type, last_error FROM jobs WHERE state = 'failed'`), []);

    // 6. webhooks: one delivery per redeemed event, none failed; each either delivered (once) or still
    // leased by the killed process (it comes due again when the lease ends: at least once, never lost)
    const [{ events }] = await q<{ events: number }>(`SELECT count(*)::int AS events FROM events WHERE tenant_id = $1 AND event_type = 'card.redeemed'`, [
      c.tenantId,
    ]);
    const deliveries = await q(
      `SELECT event_id, state, next_attempt_at > now() AS leased, payload->>'id' AS eid FROM webhook_deliveries WHERE tenant_id = $1`,
      [c.tenantId],
    );
    assert.equal(deliveries.length, events, 'one delivery per event');
    assert.equal(new Set(deliveries.map((d) => String(d.event_id))).size, events);
    assert.deepEqual(
      deliveries.filter((d) => d.state === 'failed'),
      [],
    );
    const stuck = deliveries.filter((d) => d.state === 'pending');
    assert.ok(
      stuck.every((d) => d.leased),
      'every pending delivery is leased, none forgotten',
    );
    assert.ok(stuck.length <= 20, `only the killed process's claims are pending (${stuck.length})`);
    for (const d of deliveries.filter((x) => x.state === 'delivered')) assert.equal(received.get(d.eid), 1, `event ${d.eid} received once`);
  });
});
