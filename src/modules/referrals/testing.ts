import assert from 'node:assert/strict';
import type { TestEnv } from '../../testing/harness.js';

/** What the referral and task tests share: members with wallets, calls as them, a template, a live campaign. */
export function referralKit(env: TestEnv) {
  const ok = (r: { status: number; body: any }, status = 200) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    return r.body;
  };
  const refused = (r: { status: number; body: any }, code: string, status = 409) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.code, code, JSON.stringify(r.body));
    return r.body;
  };
  const relink = async (id: string, key?: string) => {
    const token = ok(await env.api('POST', `/v1/members/${id}/wallet-link`, {}, key ? { key } : undefined), 201).token as string;
    return { as: (method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } }) };
  };
  const member = async (name: string, key?: string) => {
    const m = ok(await env.api('POST', '/v1/members', { name }, key ? { key } : undefined), 201);
    const token = ok(await env.api('POST', `/v1/members/${m.id}/wallet-link`, {}, key ? { key } : undefined), 201).token as string;
    const as = (method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } });
    return { id: m.id as string, name, as };
  };
  const template = async (name: string) =>
    ok(await env.api('POST', '/v1/templates', { kind: 'cash', name, value: { amount_off: 1000 }, validity: { type: 'relative', days: 30 } }), 201);
  const campaign = async (body: Record<string, unknown>) => {
    const c = ok(await env.api('POST', '/v1/referral-campaigns', body), 201);
    return ok(await env.api('POST', `/v1/referral-campaigns/${c.id}/publish`, {}));
  };
  const codeOf = async (m: { as: (method: string, url: string) => Promise<any> }) => ok(await m.as('GET', '/v1/wallet/referral')).code as string;
  const cards = async (memberId: string) => ok(await env.api('GET', `/v1/cards?member_id=${memberId}`)).data as any[];
  return { ok, refused, relink, member, template, campaign, codeOf, cards };
}
