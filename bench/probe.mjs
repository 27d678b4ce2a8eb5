// A probe preloaded into the server by `bench/profile.ts open` (node --import ./bench/probe.mjs): on
// SIGUSR2 it writes what it saw since the last signal to $KAQUAN_PROBE_OUT and starts again:
//   - the event loop's delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution): p50/p99/max, ms
//   - the process's CPU time (process.cpuUsage), ms
//   - the statements sent to PostgreSQL, counted by their first words (pg.Client#query), so a
//     window's round trips can be split into the requests' and the background's
// Measurement only: the server runs unchanged without it.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import pg from 'pg';

const out = process.env.KAQUAN_PROBE_OUT;
const h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
let cpu = process.cpuUsage();
let t0 = performance.now();
let stmts = new Map();

const kind = (text) => {
  const t = String(text).replace(/\s+/g, ' ').trim();
  if (t.startsWith('WITH i AS')) return 'redemption write';
  if (t.startsWith('SELECT q.k')) return 'redemption card read';
  if (/^(BEGIN|COMMIT|ROLLBACK)/.test(t)) return t.slice(0, 8).trim();
  if (/FROM events WHERE \(xid, id\)/.test(t)) return 'subscriber: events read';
  if (/event_cursors/.test(t)) return 'subscriber: cursor';
  if (/audit_seals|audit_entries|pg_advisory_xact_lock\(7302/.test(t)) return 'audit seal';
  if (/\bjobs\b/.test(t)) return 'jobs: claim/finish';
  return t.slice(0, 60);
};
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, cb) {
  const text = typeof config === 'string' ? config : config?.text;
  if (text) {
    const k = kind(text);
    stmts.set(k, (stmts.get(k) ?? 0) + 1);
  }
  return orig.call(this, config, values, cb);
};

process.on('SIGUSR2', () => {
  const c = process.cpuUsage(cpu);
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const report = {
    seconds: Math.round(performance.now() - t0) / 1000,
    cpu_ms: Math.round((c.user + c.system) / 1000),
    loop_delay_ms: { p50: ms(h.percentile(50)), p90: ms(h.percentile(90)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) },
    statements: Object.fromEntries([...stmts].sort((a, b) => b[1] - a[1])),
  };
  if (out) writeFileSync(out, JSON.stringify(report));
  h.reset();
  cpu = process.cpuUsage();
  t0 = performance.now();
  stmts = new Map();
});
