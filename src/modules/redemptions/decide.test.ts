import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';
import { decide } from './decide.js';

/** Pure: no database, no server — the card as read, its template, the request, the time. */
const now = new Date('2026-11-24T10:00:00Z'); // a Tuesday
const card = (over: Partial<CardRow>): CardRow =>
  ({
    id: 'crd_1',
    kind: 'cash',
    state: 'active',
    balance: 0,
    uses_left: 1,
    stamps: 0,
    member_id: 'mem_1',
    period_no: null,
    period_ends_at: null,
    valid_from: null,
    valid_until: null,
    state_reason: null,
    ...over,
  }) as CardRow;
const template = (kind: string, value: Record<string, unknown>, rules: Record<string, unknown> = {}): TemplateRow =>
  ({ kind, value, rules }) as unknown as TemplateRow;
const refused = (f: () => unknown, code: string) => assert.throws(f, (e: any) => e.code === code);

test('a coupon within its rules goes the one-statement way and takes one use', () => {
  const d = decide(card({}), template('cash', { amount_off: 800 }), null, { order_amount: 500 }, now, 'Asia/Shanghai');
  assert.deepEqual(d, { path: 'fast', take: { amount: 0, uses: 1, stamps: 0, value: 500 }, goal: null, depletes: true });
});

test('a periodic card whose period ended is refilled first; nothing else is judged yet', () => {
  const d = decide(card({ kind: 'periodic', period_ends_at: new Date('2026-11-01T00:00:00Z') as any }), template('periodic', {}), null, {}, now, 'UTC');
  assert.deepEqual(d, { path: 'refill' });
});

test('an approval to use up and a stamp that reaches the goal need the transactional path', () => {
  const big = template('stored_value', {}, { verification: { threshold: 10_000 } });
  const approved = decide(card({ kind: 'stored_value', balance: 50_000 }), big, null, { amount: 20_000, approval_id: 'apr_1' }, now, 'UTC');
  assert.equal(approved.path, 'transactional');
  assert.equal((approved as any).why, 'approval');
  const small = decide(card({ kind: 'stored_value', balance: 50_000 }), big, null, { amount: 900 }, now, 'UTC');
  assert.equal(small.path, 'fast');

  const stamps = template('stamp', { goal: 5, reward_template_id: 'tpl_r' });
  assert.equal(decide(card({ kind: 'stamp', stamps: 3 }), stamps, null, {}, now, 'UTC').path, 'fast');
  const goal = decide(card({ kind: 'stamp', stamps: 4 }), stamps, null, {}, now, 'UTC');
  assert.deepEqual(goal, { path: 'transactional', take: { amount: 0, uses: 0, stamps: 1, value: 0 }, goal: 5, depletes: false, why: 'goal' });
});

test('a refusal is the rule that fails, before any write is chosen', () => {
  refused(() => decide(card({}), template('cash', { amount_off: 800 }, { weekdays: [6, 7] }), null, {}, now, 'Asia/Shanghai'), 'RULE_WEEKDAY_NOT_ALLOWED');
  refused(() => decide(card({ kind: 'stored_value', balance: 100 }), template('stored_value', {}), null, { amount: 101 }, now, 'UTC'), 'INSUFFICIENT_BALANCE');
  refused(() => decide(card({ state: 'frozen' }), template('cash', { amount_off: 1 }), null, {}, now, 'UTC'), 'CARD_FROZEN');
  refused(
    () => decide(card({ kind: 'stored_value', balance: 50_000 }), template('stored_value', {}, { verification: {} }), null, { amount: 1 }, now, 'UTC'),
    'VERIFICATION_REQUIRED',
  );
});
