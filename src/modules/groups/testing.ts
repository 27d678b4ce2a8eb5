import assert from 'node:assert/strict';
import type { TestEnv } from '../../testing/harness.js';

/** What the groups tests share: a member with a wallet, calls as that member, a campaign made and published. */
export function groupKit(env: TestEnv) {
  const ok = (r: { status: number; body: any }, status = 200) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    return r.body;
  };
  const refused = (r: { status: number; body: any }, code: string, status = 409) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.code, code, JSON.stringify(r.body));
    return r.body;
  };
  const member = async (name: string, key?: string) => {
    const m = ok(await env.api('POST', '/v1/members', { name }, key ? { key } : undefined), 201);
    const token = ok(await env.api('POST', `/v1/members/${m.id}/wallet-link`, {}, key ? { key } : undefined), 201).token as string;
    const as = (method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } });
    return { id: m.id as string, name, as };
  };
  const template = async (name: string, extra: Record<string, unknown> = {}) =>
    ok(await env.api('POST', '/v1/templates', { kind: 'cash', name, value: { amount_off: 500 }, validity: { type: 'relative', days: 30 }, ...extra }), 201);
  const campaign = async (body: Record<string, unknown>) => {
    const c = ok(await env.api('POST', '/v1/group-campaigns', body), 201);
    return ok(await env.api('POST', `/v1/group-campaigns/${c.id}/publish`, {}));
  };
  const tokenOf = (url: string) => /#g=(kqj_[A-Za-z0-9_-]+)$/.exec(url)![1]!;
  return { ok, refused, member, template, campaign, tokenOf };
}
