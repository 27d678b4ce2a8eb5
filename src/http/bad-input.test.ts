import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';
import { ledgerMismatches } from '../modules/ledger/service.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

/** Wrong values for a schema: the wrong type, out of range, too long, empty. */
function wrongValues(schema: any): unknown[] {
  const t = schema?.type;
  if (t === 'string') return [42, '', 'x'.repeat(5000), null, { a: 1 }, 'a\u0000b', '\ud800', '9999999999999999999', '2026-02-30T00:00:00Z'];
  if (t === 'integer' || t === 'number') return ['ten', -1, 1.5, 1e20, null];
  if (t === 'boolean') return ['yes', 3];
  if (t === 'array') return ['notalist', [null], [{}]];
  if (t === 'object') return ['str', [], { unexpected: true }];
  return [null, 'x', 7];
}

test('no route answers 500 to bad input, and every error is problem+json', async () => {
  const fx = await fixtures(env);
  const { card } = await fx.card('stored_value', { initial_balance: 1000 });
  const spec: any = env.app.swagger();
  let calls = 0;
  for (const [path, ops] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      const realId = path.startsWith('/v1/cards/{id}') ? card.id : 'nope_123';
      for (const id of [realId, '../../etc', 'x'.repeat(300)]) {
        const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const bodies: unknown[] = [undefined, {}, [], 'plain', { unexpected_field: 1 }];
        for (const [field, s] of Object.entries<any>(bodySchema?.properties ?? {})) for (const v of wrongValues(s)) bodies.push({ [field]: v });
        for (const body of bodies) {
          const res = await env.app.inject({
            method: method.toUpperCase() as any,
            url: `${url}?limit=abc&cursor=%%%&from=yesterday`,
            headers: { authorization: `Bearer ${env.ownerKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            payload: body === undefined ? undefined : JSON.stringify(body),
          });
          calls++;
          assert.ok(res.statusCode < 500, `${method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400) assert.match(String(res.headers['content-type']), /problem\+json/, `${method} ${url}`);
        }
      }
    }
  }
  assert.ok(calls > 500, `exercised ${calls} requests`);
  assert.deepEqual(await ledgerMismatches(env.ctx.db), [], 'whatever was accepted kept the ledger whole');
});
