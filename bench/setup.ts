import type { Ctx } from '../src/platform/context.js';
import { createTenant } from '../src/modules/tenants/service.js';
import { createApiKey } from '../src/modules/identity/api-keys.js';
import { createTemplate } from '../src/modules/templates/service.js';
import { createBatch } from '../src/modules/batches/service.js';
import { makeCard } from '../src/modules/cards/generate.js';
import { newApiKeySecret } from '../src/modules/identity/auth.js';

export interface Fixture {
  tenantId: string;
  ownerKey: string;
  /** clear codes of active count cards with a million uses each: the redemption and look-up load */
  codes: string[];
  cardIds: string[];
  /** a cash template for generation and hot-stock batches */
  cashTemplateId: string;
}

/**
 * A tenant with an owner key and `cards` active count cards, written straight into the database
 * (with their "issue" transfers from the tenant's issued.uses counter, so the ledger stays whole), in
 * the schema the server will use.
 */
export async function prepare(ctx: Ctx, cards: number): Promise<Fixture> {
  const now = new Date();
  const tenant = await createTenant(ctx.db, { name: 'Bench Brand' });
  const ownerKey = newApiKeySecret();
  await createApiKey(ctx.db, tenant.id, { name: 'bench', role: 'owner', secret: ownerKey });
  const count = await createTemplate(
    ctx.db,
    tenant.id,
    { kind: 'count', name: 'bench count', value: { uses: 1_000_000 }, validity: { type: 'none' } } as any,
    now,
  );
  const cash = await createTemplate(
    ctx.db,
    tenant.id,
    { kind: 'cash', name: 'bench cash', value: { amount_off: 100 }, validity: { type: 'none' } } as any,
    now,
  );
  const batch = await createBatch(ctx.db, tenant.id, { template_id: count.id, name: 'bench', mode: 'on_issue' }, now);
  const fmt = { prefix: '', length: 16, alphabet: 'crockford' as const };
  const codes: string[] = [];
  const cardIds: string[] = [];
  for (let i = 0; i < cards; i += 2_000) {
    const chunk = Array.from({ length: Math.min(2_000, cards - i) }, (_, k) => makeCard(ctx.keys, tenant.id, fmt, false, i + k + 1));
    await ctx.db.query(
      `WITH c AS (
         INSERT INTO cards (tenant_id, id, batch_id, template_id, kind, code_hash, code_enc, code_tail, seq, state, uses_left, issued_at, created_at, updated_at)
         SELECT $1, u.id, $2, $3, 'count', u.h, u.e, u.t, u.s, 'active', 1000000, $4, $4, $4
         FROM unnest($5::text[], $6::bytea[], $7::bytea[], $8::text[], $9::int8[]) AS u(id, h, e, t, s) RETURNING tenant_id, id)
       INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, created_at)
       SELECT tenant_id, 'uses', 1000000, 'issued.uses', id, 'issue', $4 FROM c`,
      [
        tenant.id,
        batch.id,
        count.id,
        now,
        chunk.map((c) => c.id),
        chunk.map((c) => c.code_hash),
        chunk.map((c) => c.code_enc),
        chunk.map((c) => c.code_tail),
        chunk.map((c) => c.seq),
      ],
    );
    for (const c of chunk) {
      codes.push(c.code);
      cardIds.push(c.id);
    }
  }
  return { tenantId: tenant.id, ownerKey, codes, cardIds, cashTemplateId: cash.id };
}
