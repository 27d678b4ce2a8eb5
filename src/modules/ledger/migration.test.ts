import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../db/index.js';
import { migrate } from '../../db/migrate.js';
import { migrationSources } from '../../context.js';
import { verifyInvariants } from '../../platform/verify.js';
import { modules } from '../index.js';

/**
 * A database from before accounts and transfers (every migration up to 019, cards with their
 * single-entry ledger rows) migrates: each entry becomes one transfer per asset it moved, a
 * reversal becomes one mirror of each transfer its redemption made, ledger_entries reads the same
 * as a view, and every module's invariants hold. On both engines, like every test.
 */
test('migration 020 turns ledger entries into transfers and keeps them readable as before', async () => {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const db = await openDb({ databaseUrl, schema });
  const root = mkdtempSync(join(tmpdir(), 'kq-ledger-'));
  try {
    // every module's migrations below 020: the schema as Kaquan left it
    const before = migrationSources.map((s) => {
      const dir = join(root, s.module);
      mkdirSync(dir);
      if (existsSync(s.dir)) for (const f of readdirSync(s.dir).filter((f) => Number(f.split('_')[0]) < 20)) copyFileSync(join(s.dir, f), join(dir, f));
      return { ...s, dir };
    });
    await migrate(db, before);
    await db.query(`INSERT INTO tenants (id, name) VALUES ('ten_a', 'A'), ('ten_b', 'B')`);
    const card = (tenant: string, id: string, kind: string, state: string, balance: number, uses: number, stamps: number) =>
      db.query(
        `INSERT INTO cards (tenant_id, id, batch_id, template_id, kind, code_hash, code_enc, code_tail, state, balance, uses_left, stamps)
         VALUES ($1, $2, 'bat_1', 'tpl_1', $3, decode(md5($2), 'hex'), '\\x00', 'XXXX', $4, $5, $6, $7)`,
        [tenant, id, kind, state, balance, uses, stamps],
      );
    await card('ten_a', 'card_1', 'cash', 'used', 0, 0, 0);
    await card('ten_a', 'card_2', 'stored_value', 'active', 5000, 0, 0);
    await card('ten_a', 'card_3', 'stamp', 'active', 0, 0, 1);
    await card('ten_b', 'card_9', 'periodic', 'voided', 0, 0, 0);
    await db.query(
      `INSERT INTO redemptions (tenant_id, id, card_id, template_id, batch_id, status, reversed_at, created_at) VALUES
         ('ten_a', 'red_1', 'card_1', 'tpl_1', 'bat_1', 'done', NULL, now()), ('ten_a', 'red_2', 'card_2', 'tpl_1', 'bat_1', 'reversed', now(), now()),
         ('ten_a', 'red_3', 'card_3', 'tpl_1', 'bat_1', 'done', NULL, now()), ('ten_a', 'red_4', 'card_3', 'tpl_1', 'bat_1', 'reversed', now(), now())`,
    );
    // issue, redeem, two stamps (the second reaching the goal of 2: its reward), a gift (moves nothing),
    // the reversal of a debit and of the rewarded stamp (back: goal − 1), a period close of nothing, a void
    await db.query(
      `INSERT INTO ledger_entries (tenant_id, card_id, entry_type, amount, uses, stamps, redemption_id, created_at) VALUES
         ('ten_a', 'card_1', 'issue', 0, 1, 0, NULL, now()), ('ten_a', 'card_2', 'issue', 5000, 0, 0, NULL, now()),
         ('ten_a', 'card_1', 'redeem', 0, -1, 0, 'red_1', now()), ('ten_a', 'card_2', 'redeem', -300, 0, 0, 'red_2', now()),
         ('ten_a', 'card_3', 'stamp', 0, 0, 1, 'red_3', now()), ('ten_a', 'card_3', 'stamp', 0, 0, 1, 'red_4', now()),
         ('ten_a', 'card_3', 'reward', 0, 0, -2, 'red_4', now()), ('ten_a', 'card_2', 'transfer', 0, 0, 0, NULL, now()),
         ('ten_a', 'card_2', 'reverse', 300, 0, 0, 'red_2', now()), ('ten_a', 'card_3', 'reverse', 0, 0, 1, 'red_4', now()),
         ('ten_b', 'card_9', 'issue', 100, 2, 0, NULL, now()), ('ten_b', 'card_9', 'period_close', 0, 0, 0, NULL, now()),
         ('ten_b', 'card_9', 'void', -100, -2, 0, NULL, now())`,
    );

    assert.ok((await migrate(db, migrationSources)).includes('ledger/020_accounts_transfers.sql'));
    const transfers = (
      await db.query('SELECT id, tenant_id, asset, amount, debit_account, credit_account, reason, reference, reverses FROM ledger_transfers ORDER BY id')
    ).rows.map((t) => [
      Number(t.id),
      t.tenant_id,
      t.asset,
      Number(t.amount),
      t.debit_account,
      t.credit_account,
      t.reason,
      t.reference,
      t.reverses && Number(t.reverses),
    ]);
    assert.deepEqual(transfers, [
      [1, 'ten_a', 'uses', 1, 'issued.uses', 'card_1', 'issue', null, null],
      [2, 'ten_a', 'fen', 5000, 'issued.fen', 'card_2', 'issue', null, null],
      [3, 'ten_a', 'uses', 1, 'card_1', 'redeemed.uses', 'redeem', 'red_1', null],
      [4, 'ten_a', 'fen', 300, 'card_2', 'redeemed.fen', 'redeem', 'red_2', null],
      [5, 'ten_a', 'stamps', 1, 'issued.stamps', 'card_3', 'stamp', 'red_3', null],
      [6, 'ten_a', 'stamps', 1, 'issued.stamps', 'card_3', 'stamp', 'red_4', null],
      [7, 'ten_a', 'stamps', 2, 'card_3', 'redeemed.stamps', 'reward', 'red_4', null],
      [8, 'ten_a', 'fen', 300, 'redeemed.fen', 'card_2', 'reverse', 'red_2', 4],
      [9, 'ten_a', 'stamps', 1, 'card_3', 'issued.stamps', 'reverse', 'red_4', 6],
      [10, 'ten_a', 'stamps', 2, 'redeemed.stamps', 'card_3', 'reverse', 'red_4', 7],
      [11, 'ten_b', 'fen', 100, 'issued.fen', 'card_9', 'issue', null, null],
      [12, 'ten_b', 'uses', 2, 'issued.uses', 'card_9', 'issue', null, null],
      [13, 'ten_b', 'fen', 100, 'card_9', 'voided.fen', 'void', null, null],
      [14, 'ten_b', 'uses', 2, 'card_9', 'voided.uses', 'void', null, null],
    ]);
    const view = (await db.query(`SELECT card_id, entry_type, amount, uses, stamps, redemption_id FROM ledger_entries WHERE card_id = 'card_2' ORDER BY id`))
      .rows;
    assert.deepEqual(
      view.map((v) => [v.card_id, v.entry_type, Number(v.amount), v.uses, v.stamps, v.redemption_id]),
      [
        ['card_2', 'issue', 5000, 0, 0, null],
        ['card_2', 'redeem', -300, 0, 0, 'red_2'],
        ['card_2', 'reverse', 300, 0, 0, 'red_2'],
      ],
    );
    assert.equal((await db.query('SELECT count(*)::int AS n FROM ledger_accounts')).rows[0].n, 24, 'each tenant’s 12 counter-accounts');
    assert.deepEqual(await verifyInvariants(db, modules), []);
    // new transfers number on from the migrated ones
    await db.query(
      `INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, created_at) VALUES ('ten_a', 'fen', 1, 'issued.fen', 'redeemed.fen', 'x', now())`,
    );
    assert.equal((await db.query('SELECT max(id)::int AS id FROM ledger_transfers')).rows[0].id, 15);
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await db.close();
  }
});
