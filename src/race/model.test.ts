import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';
import { ledgerMismatches } from '../modules/ledger/service.js';

/**
 * Model-based property test: random sequences of issue / redeem / reverse / top-up / transfer /
 * freeze / unfreeze go to the API and to a few lines of in-memory model; every answer and the
 * cards at the end must agree with the model, and the ledger with every card. Runs on both engines.
 */
type Kind = 'stored_value' | 'count' | 'cash';
interface MCard {
  id: string;
  code: string;
  kind: Kind;
  balance: number;
  uses: number;
  state: 'active' | 'frozen' | 'used';
  member: string;
}
interface MRedemption {
  id: string;
  card: MCard;
  amount: number;
  uses: number;
  reversed: boolean;
}

const MAX_BALANCE = 50_000;
const op = fc.oneof(
  fc.record({ t: fc.constant('issue' as const), kind: fc.constantFrom<Kind>('stored_value', 'count', 'cash'), member: fc.nat(2) }),
  fc.record({
    t: fc.constant('redeem' as const),
    card: fc.nat(),
    amount: fc.integer({ min: 1, max: 6_000 }),
    uses: fc.integer({ min: 1, max: 3 }),
    byCode: fc.boolean(),
  }),
  fc.record({ t: fc.constant('reverse' as const), redemption: fc.nat() }),
  fc.record({ t: fc.constant('top_up' as const), card: fc.nat(), amount: fc.integer({ min: 1, max: 30_000 }) }),
  fc.record({ t: fc.constant('transfer' as const), card: fc.nat(), member: fc.nat(2) }),
  fc.record({ t: fc.constant('freeze' as const), card: fc.nat() }),
  fc.record({ t: fc.constant('unfreeze' as const), card: fc.nat() }),
);

let env: TestEnv;
const batches: Record<Kind, string> = { stored_value: '', count: '', cash: '' };
let members: string[] = [];

before(async () => {
  env = await startTestEnv();
  const fx = await fixtures(env);
  const extra = { rules: { transferable: true } };
  batches.stored_value = (await fx.batch((await fx.template('stored_value', { initial_balance: 10_000, max_balance: MAX_BALANCE }, extra)).id)).id;
  batches.count = (await fx.batch((await fx.template('count', { uses: 5 }, extra)).id)).id;
  batches.cash = (await fx.batch((await fx.template('cash', { amount_off: 800 }, extra)).id)).id;
  members = [(await fx.member()).id, (await fx.member()).id, (await fx.member()).id];
});
after(async () => {
  await env.close();
});

/** What the model says the API must answer: [status, problem code] and the change to apply on success. */
function expect(o: any, cards: MCard[], reds: MRedemption[]): { status: number; code?: string } {
  const card = cards.length ? cards[o.card % cards.length] : undefined;
  const blocked = (c: MCard) => (c.state === 'frozen' ? 'CARD_FROZEN' : c.state === 'used' ? 'CARD_ALREADY_REDEEMED' : null);
  switch (o.t) {
    case 'issue':
      return { status: 201 };
    case 'redeem': {
      const b = blocked(card!);
      if (b) return { status: 409, code: b };
      if (card!.kind === 'stored_value' && o.amount > card!.balance) return { status: 409, code: 'INSUFFICIENT_BALANCE' };
      if (card!.kind === 'count' && o.uses > card!.uses) return { status: 409, code: 'INSUFFICIENT_USES' };
      return { status: 201 };
    }
    case 'reverse':
      return reds[o.redemption % reds.length].reversed ? { status: 409, code: 'REDEMPTION_ALREADY_REVERSED' } : { status: 200 };
    case 'top_up': {
      if (card!.kind !== 'stored_value') return { status: 409, code: 'CARD_KIND_NOT_TOPPABLE' };
      if (card!.state !== 'active') return { status: 409, code: blocked(card!)! };
      return card!.balance + o.amount > MAX_BALANCE ? { status: 409, code: 'MAX_BALANCE_EXCEEDED' } : { status: 200 };
    }
    case 'transfer': {
      const b = blocked(card!);
      if (b) return { status: 409, code: b };
      return members[o.member] === card!.member ? { status: 422, code: 'TRANSFER_TO_SELF' } : { status: 200 };
    }
    case 'freeze':
      return card!.state === 'active' ? { status: 200 } : { status: 409, code: card!.state === 'frozen' ? 'CARD_ALREADY_FROZEN' : 'CARD_NOT_ACTIVE' };
    case 'unfreeze':
      return card!.state === 'frozen' ? { status: 200 } : { status: 409, code: 'CARD_NOT_FROZEN' };
  }
  throw new Error(`unknown op ${o.t}`);
}

test('random sequences of card operations agree with a simple model', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const cards: MCard[] = [];
      const reds: MRedemption[] = [];
      for (const o of ops) {
        if (o.t !== 'issue' && !cards.length) continue;
        if (o.t === 'reverse' && !reds.length) continue;
        const want = expect(o, cards, reds);
        const card = cards.length ? cards[(o as any).card % cards.length] : undefined;
        let r: Awaited<ReturnType<typeof env.api>> | undefined;
        switch (o.t) {
          case 'issue':
            r = await env.api('POST', '/v1/cards/issue', { batch_id: batches[o.kind], member_id: members[o.member] });
            if (r.status === 201) {
              const init = { stored_value: [10_000, 0], count: [0, 5], cash: [0, 1] }[o.kind];
              cards.push({ id: r.body.id, code: r.body.code, kind: o.kind, balance: init[0], uses: init[1], state: 'active', member: members[o.member] });
            }
            break;
          case 'redeem': {
            const c = card!;
            const body: Record<string, unknown> = o.byCode ? { code: c.code } : { card_id: c.id };
            if (c.kind === 'stored_value') body.amount = o.amount;
            if (c.kind === 'count') body.uses = o.uses;
            r = await env.api('POST', '/v1/redemptions', body);
            if (r.status === 201) {
              const taken = { amount: c.kind === 'stored_value' ? o.amount : 0, uses: c.kind === 'count' ? o.uses : c.kind === 'cash' ? 1 : 0 };
              c.balance -= taken.amount;
              c.uses -= taken.uses;
              if (c.kind !== 'stored_value' && c.uses === 0) c.state = 'used';
              reds.push({ id: r.body.id, card: c, ...taken, reversed: false });
            }
            break;
          }
          case 'reverse': {
            const red = reds[o.redemption % reds.length];
            r = await env.api('POST', `/v1/redemptions/${red.id}/reverse`, {});
            if (r.status === 200) {
              red.reversed = true;
              red.card.balance += red.amount;
              red.card.uses += red.uses;
              if (red.card.state === 'used') red.card.state = 'active';
            }
            break;
          }
          case 'top_up':
            r = await env.api('POST', `/v1/cards/${card!.id}/top-up`, { amount: o.amount });
            if (r.status === 200) card!.balance += o.amount;
            break;
          case 'transfer':
            r = await env.api('POST', `/v1/cards/${card!.id}/transfer`, { to_member_id: members[o.member] });
            if (r.status === 200) {
              card!.member = members[o.member];
              // the card moved under a new code: the old one is unknown, the new one is the holder's
              assert.equal((await env.api('POST', '/v1/cards/lookup', { code: card!.code })).status, 404, 'the giver’s code is dead');
              card!.code = (await env.api('POST', `/v1/cards/${card!.id}/reveal`)).body.code;
            }
            break;
          case 'freeze':
          case 'unfreeze':
            r = await env.api('POST', `/v1/cards/${card!.id}/${o.t}`, {});
            if (r.status === 200) card!.state = o.t === 'freeze' ? 'frozen' : 'active';
            break;
        }
        assert.deepEqual(
          { status: r!.status, code: r!.status >= 300 ? r!.body.code : undefined },
          { status: want.status, code: want.code },
          `${JSON.stringify(o)} → ${JSON.stringify(r!.body)}`,
        );
      }
      for (const c of cards) {
        const got = (await env.api('GET', `/v1/cards/${c.id}`)).body;
        assert.deepEqual(
          { balance: got.balance, uses: got.uses_left, state: got.state, member: got.member_id },
          { balance: c.balance, uses: c.uses, state: c.state, member: c.member },
          `card ${c.kind} ${c.id}`,
        );
      }
      assert.deepEqual(await ledgerMismatches(env.ctx.db, env.tenantId), []);
    }),
    { numRuns: 40 },
  );
});

test('a redemption answers the same shape with and without an Idempotency-Key, and a retry gets it byte for byte', async () => {
  const a = (await env.api('POST', '/v1/cards/issue', { batch_id: batches.count, member_id: members[0] })).body;
  const b = (await env.api('POST', '/v1/cards/issue', { batch_id: batches.count, member_id: members[0] })).body;
  const plain = await env.api('POST', '/v1/redemptions', { code: a.code, uses: 2 });
  const keyed = await env.api('POST', '/v1/redemptions', { code: b.code, uses: 2 }, { headers: { 'idempotency-key': `shape-${b.id}` } });
  const again = await env.api('POST', '/v1/redemptions', { code: b.code, uses: 2 }, { headers: { 'idempotency-key': `shape-${b.id}` } });
  assert.equal(plain.status, 201);
  assert.equal(keyed.status, 201);
  assert.equal(again.status, 201);
  assert.equal(JSON.stringify(again.body), JSON.stringify(keyed.body), 'the retry is the first answer');
  const shape = (x: any): any =>
    x && typeof x === 'object'
      ? Object.fromEntries(Object.keys(x).map((k) => [k, shape(x[k])]))
      : typeof x === 'string' && /^\d{4}-\d\d-\d\dT/.test(x)
        ? 'iso'
        : x === null
          ? null
          : typeof x;
  assert.deepEqual(shape(keyed.body), shape(plain.body));
  assert.match(keyed.body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(keyed.body.card.uses_left, 3);
  assert.equal(plain.body.card.uses_left, 3);
});
