import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { requireStore, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import type { Store } from '../stores/service.js';
import type { TemplateRow } from '../templates/schemas.js';
import { readByCode } from './write.js';
import { cardView, type CardRow } from '../cards/model.js';
import { findByCode, judgePin, pinMatches, screenFor, type Screen } from '../cards/lookup.js';
import { evaluate, inputsNeeded, type RedeemRequest } from './rules.js';
import { explainRefusal } from './explain.js';
import { refillDue } from './decide.js';
import { namedRules } from '../templates/names.js';

export interface RedeemInput extends RedeemRequest {
  code?: string;
  card_id?: string;
}

export interface Loaded {
  card: CardRow;
  template: TemplateRow;
  store: Store | null;
  tz: string;
}

/**
 * Templates change rarely and every change bumps their version: the row read with the card says
 * which version is current, so a cached template is never a stale one.
 */
const templates = new Map<string, TemplateRow>();
async function templateAt(q: Sql, tenantId: string, id: string, version: number): Promise<TemplateRow> {
  const k = `${tenantId}:${id}`;
  const hit = templates.get(k);
  if (hit && hit.version === version) return hit;
  const t = await getTemplate(q, tenantId, id);
  if (templates.size > 5_000) templates.clear();
  templates.set(k, t);
  return t;
}

/** The card, its template's version and the store, in one round trip (the template itself is cached by version). */
export async function loadForRedeem(
  ctx: Ctx,
  q: Sql,
  caller: Caller,
  input: RedeemInput,
  forUpdate = false,
  screen: Screen = screenFor(ctx, caller),
): Promise<Loaded> {
  const tenantId = caller.tenantId;
  const storeId = requireStore(caller, input.store_id) ?? null;
  const select = 'c.*, t.version AS tpl_version, row_to_json(s.*) AS sto';
  const joins = 'JOIN templates t ON t.tenant_id = c.tenant_id AND t.id = c.template_id LEFT JOIN stores s ON s.tenant_id = c.tenant_id AND s.id = $3';
  let row: any;
  if (input.code) {
    // outside a transaction (the fast path) the read joins whatever other reads are waiting
    const fetch =
      q === ctx.db && !forUpdate && ctx.config.redeemGroups !== false ? (hashes: Buffer[]) => readByCode(ctx.db, tenantId, hashes, storeId) : undefined;
    row = await findByCode(q, ctx.keys, tenantId, input.code, screen, { select, joins, params: [storeId], forUpdate, fetch });
  } else if (input.card_id) {
    const r = await q.query(`SELECT ${select} FROM cards c ${joins} WHERE c.tenant_id = $1 AND c.id = $2${forUpdate ? ' FOR UPDATE OF c' : ''}`, [
      tenantId,
      input.card_id,
      storeId,
    ]);
    if (!r.rows[0]) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
    row = r.rows[0];
  } else {
    throw new AppError(422, 'VALIDATION_FAILED', 'code: give code or card_id', { errors: [{ field: 'code', reason: 'required' }] });
  }
  if (storeId && !row.sto) throw new AppError(404, 'STORE_NOT_FOUND', 'store not found');
  const { tpl_version, sto, ...card } = row;
  const [template, tenant] = await Promise.all([templateAt(q, tenantId, card.template_id, tpl_version), getTenant(q, tenantId)]);
  return { card: card as CardRow, template, store: sto as Store | null, tz: tenant.time_zone };
}

export async function checkPin(ctx: Ctx, screen: Screen, caller: Caller, l: Loaded, pin: string | undefined) {
  if (!l.card.pin_hash || l.card.member_id) return;
  // an unbound card with a PIN (every gift card, imported codes that came with one) is a bearer
  // instrument: card number + secret PIN 卡号+卡密
  await judgePin(
    screen,
    pinMatches(ctx.keys, caller.tenantId, l.card.pin_hash, pin),
    () => new AppError(403, 'PIN_INVALID', 'pin: this card needs its correct PIN'),
  );
}

/** 核销 check: can this card be redeemed here, now, for this order? Changes nothing. */
export async function checkRedeem(ctx: Ctx, q: Sql, caller: Caller, input: RedeemInput) {
  const screen = screenFor(ctx, caller);
  const l = await loadForRedeem(ctx, q, caller, input, false, screen);
  // a bearer card with a PIN shows nothing of itself (balance, state) without it
  await checkPin(ctx, screen, caller, l, input.pin);
  const now = ctx.clock.now();
  // the clerk reads the rules: "限指定门店" by the stores' names (a clerk may list its own stores only)
  const [template] = await namedRules(q, caller.tenantId, [l.template]);
  let card = l.card;
  try {
    if (refillDue(card, now)) {
      // would refill first (the next period at least: what the check says its uses are worth)
      card = { ...card, uses_left: l.template.value.uses_per_period!, period_no: (card.period_no ?? 0) + 1, period_ends_at: null };
    }
    const take = evaluate(card, l.template, l.store, input, now, l.tz);
    return { redeemable: true, code: null, message: null, params: null, take, needs: inputsNeeded(l.template), card: cardView(l.card), template };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const why = (await explainRefusal(q, caller.tenantId, e)) as AppError;
    // params: the refusal's structured fields, as a redemption's problem would carry them (to word it: problems/catalogue.ts)
    return {
      redeemable: false,
      code: why.code,
      message: why.message,
      params: why.extra,
      take: null,
      needs: inputsNeeded(l.template),
      card: cardView(l.card),
      template,
    };
  }
}
