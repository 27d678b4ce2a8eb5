/// <reference types="node" />
// Type-checked with the web app (web/tsconfig.json): these test its pure modules, run by `npm test` like any test under src/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// the web's own module, loaded as TypeScript whether this file runs through tsx or compiled (npm test's .test-build)
const { ACTIONS, actionLabel, auditFacts, auditSentence }: typeof import('../../web/src/audit-words.ts') = await tsImport(
  '../../web/src/audit-words.ts',
  import.meta.url,
);

/**
 * The audit log reads as words (issue 11, item 2): every action the server writes to the audit log
 * has a Chinese and English label in web/src/audit-words.ts (a new action without one fails here),
 * and entries read as sentences with names, not keys and JSON.
 */
const zh = (a: string, _b: string) => a;
const en = (_a: string, b: string) => b;
const src = fileURLToPath(new URL('../', import.meta.url));
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

/**
 * Every action key the server audits: `action: 'x.y'`, both sides of `action: c ? 'a' : 'b'`, a card
 * verb's action (`cardVerb(path, 'card.freeze', …)`), and actions made in a template literal, over the
 * values listed here (a new one fails until it is listed).
 */
function auditedActions(): Set<string> {
  const out = new Set<string>();
  const made: Record<string, string[]> = {
    'batch.${verb}': ['pause', 'resume'],
    'operator.${verb}': ['disable', 'enable'],
    'card.${op.action}': ['freeze', 'unfreeze', 'void', 'extend'],
  };
  for (const f of walk(src).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts') && !x.includes('/e2e/'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^,}\n]+)|\bcardVerb\(\s*'[^']*',\s*('[a-z_]+\.[a-z_]+')/g)) {
      const expr = m[1] ?? m[2]!;
      for (const s of expr.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) out.add(s[1]!);
      for (const s of expr.matchAll(/`([a-z_]+\.\$\{[\w.]+\})`/g)) {
        assert.ok(made[s[1]!], `${f}: an action made from \`${s[1]}\`: list its values in this test`);
        for (const v of made[s[1]!]!) out.add(s[1]!.replace(/\$\{[\w.]+\}/, v));
      }
    }
  }
  return out;
}

test('every action the server audits has a label in both languages', () => {
  const actions = auditedActions();
  assert.ok(actions.size > 35, `found ${actions.size} actions`);
  const missing = [...actions].filter((a) => !ACTIONS[a]).sort();
  assert.deepEqual(missing, [], 'audit actions without a label in web/src/audit-words.ts');
  assert.equal(actionLabel(zh, 'card.redeem'), '核销');
  assert.equal(actionLabel(en, 'card.redeem'), 'Redeemed');
  assert.equal(actionLabel(zh, 'card.something_new'), '卡券操作', 'an unknown action is named by its area, never by its key');
});

const names = { sto_01m87wteawwvat1m8ddddr2pxp: '南京西路店', mem_01m87wteawwvat1m8ddddr2pxq: '王小明', bat_01m87wteawwvat1m8ddddr2pxr: '会员日' };
const entry = (action: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  action,
  actor: 'key:key_01m87wteawwvat1m8ddddr2pxs',
  actor_name: '收银机',
  target_type: 'redemption',
  target_id: 'red_01m87wteawwvat1m8ddddr2pxt',
  target_name: '满100减20 •••• 8K2Q',
  data,
  names,
  ...extra,
});

test('entries read as sentences with names', () => {
  const redeem = entry('card.redeem', { params: {}, body: { code: '[redacted]', store_id: 'sto_01m87wteawwvat1m8ddddr2pxp', order_amount: 12000 } });
  assert.equal(auditSentence(zh, redeem), '核销 满100减20 •••• 8K2Q，于 南京西路店，订单 ¥120.00');
  assert.equal(auditSentence(en, redeem), 'Redeemed 满100减20 •••• 8K2Q, at 南京西路店, order ¥120.00');
  const stored = entry('card.redeem', { body: { store_id: 'sto_01m87wteawwvat1m8ddddr2pxp', amount: 1000 } });
  assert.equal(auditSentence(zh, stored), '核销 满100减20 •••• 8K2Q，于 南京西路店，扣减 ¥10.00');
  const issue = entry(
    'card.issue',
    { body: { batch_id: 'bat_01m87wteawwvat1m8ddddr2pxr', member_id: 'mem_01m87wteawwvat1m8ddddr2pxq' } },
    { target_type: 'card', target_id: 'card_01m87wteawwvat1m8ddddr2pxu', target_name: '满100减20 •••• 8K2Q' },
  );
  assert.equal(auditSentence(zh, issue), '发放 满100减20 •••• 8K2Q 给 王小明，批次「会员日」');
  const archive = entry('template.update', { params: {}, body: { status: 'archived' } }, { target_name: '周末券' });
  assert.equal(auditSentence(zh, archive), '归档模板「周末券」');
  const edit = entry('template.update', { body: { name: '周末狂欢券', rules: { min_spend: 5000 } } }, { target_name: '周末狂欢券' });
  assert.equal(auditSentence(zh, edit), '修改模板「周末狂欢券」：名称、使用规则');
  assert.equal(
    auditSentence(zh, entry('batch.import', { params: { id: 'bat_01m87wteawwvat1m8ddddr2pxr' }, accepted: 3, refused: 1 })),
    '向批次「会员日」导入券码：接受 3 行，拒绝 1 行',
  );
});

test('the details list labels each value and names ids; secrets stay hidden; no JSON', () => {
  const facts = auditFacts(
    zh,
    entry('card.redeem', { params: {}, body: { code: '[redacted]', store_id: 'sto_01m87wteawwvat1m8ddddr2pxp', order_amount: 12000, uses: 2 } }),
  );
  assert.deepEqual(facts, [
    { label: '编码', value: '（已隐去）' },
    { label: '门店', value: '南京西路店' },
    { label: '订单金额', value: '¥120.00' },
    { label: '次数', value: '2' },
  ]);
  const rules = auditFacts(zh, entry('template.update', { body: { rules: { min_spend: 5000, weekdays: [6, 7] } } }));
  assert.deepEqual(rules, [{ label: '使用规则', value: '最低消费、可用星期' }]);
  for (const f of [...facts, ...rules]) assert.ok(!/[{}"]/.test(f.value), `no JSON: ${f.value}`);
});
