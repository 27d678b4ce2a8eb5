import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { extensionPoint } from '../../platform/extensions.js';
import type { GuardPass } from '../../platform/guards.js';
import type { CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';
import type { Store } from '../stores/service.js';
import type { RedeemInput } from './load.js';
import type { Take } from './rules.js';

/** One redemption as decided, before it is written: what guards and effects are shown. */
export interface Attempt {
  caller: Caller;
  card: CardRow;
  template: TemplateRow;
  store: Store | null;
  input: RedeemInput;
  take: Take;
  at: Date;
  /** the till's address and device id (the clerk page's X-Kaquan-Device) when a request asked: risk rules may count by them */
  client?: { ip: string | null; device_id: string | null } | null;
  /** where a guard reads: the database on the fast path, the redemption's transaction on the other (PGlite is one connection: reading beside an open transaction would wait for it) */
  db: Sql;
}

/**
 * A guard 守卫 may refuse a redemption the rules allowed (a risk rule, a limit): it throws an
 * AppError with the problem the caller gets. Guards run once per request, after the rules and
 * before the write, on every path; a refused redemption changes nothing.
 */
export interface RedemptionGuard {
  name: string;
  /** what it took (a risk counter) comes back as a pass: given back when the redemption then fails */
  check(ctx: Ctx, a: Attempt): Promise<GuardPass | undefined | void> | GuardPass | undefined | void;
}

/**
 * An effect 联动 rides in the redemption's own transaction (points earned on it commit or roll back
 * with it). A redemption an effect applies to goes the transactional path, so prefer following
 * `card.redeemed` events with a subscriber (src/platform/events.ts) where the same commit is not needed.
 */
export interface RedemptionEffect {
  name: string;
  applies(a: Attempt): boolean;
  run(ctx: Ctx, q: Sql, a: Attempt, done: { redemptionId: string; card: CardRow }): Promise<void>;
}

export const redemptionGuards = extensionPoint<RedemptionGuard>('redemption.guards');
export const redemptionEffects = extensionPoint<RedemptionEffect>('redemption.effects');

/** Per request: the fast path and the transactional path it may hand over to ask the guards once. */
export interface RedeemRun {
  guarded?: boolean;
  passes?: GuardPass[];
  /** 人工审核: a redemption an operator approved (the review's id): its code and PIN were judged when it was asked */
  reviewed?: string;
  /** the request's client (src/http/client.ts clientOf): its address and device id, for the guards */
  client?: { ip: string | null; device_id: string | null };
}

export async function runGuards(ctx: Ctx, a: Attempt, run: RedeemRun): Promise<void> {
  if (run.guarded) return;
  run.passes ??= [];
  for (const g of redemptionGuards.list()) {
    const p = await g.check(ctx, a);
    if (p) run.passes.push(p);
  }
  run.guarded = true;
}

/** The redemption failed (a guard refused, the write lost a race): what the guards took is given back. */
export async function undoGuards(run: RedeemRun, error: unknown): Promise<void> {
  const passes = run.passes?.splice(0) ?? [];
  await Promise.allSettled(passes.map((p) => p.undo(error)));
}

export const effectsFor = (a: Attempt) => redemptionEffects.list().filter((e) => e.applies(a));
