import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { crockfordAliases, hasValidCheck, normalizeCode } from '../codes/codes.js';
import type { Keyring } from '../../secrets.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { guardFor, type Guard } from '../risk/guard.js';
import type { CardRow } from './model.js';
import { codeResolvers, resolveCode, type Resolved } from './resolvers.js';

export const codeHash = (keys: Keyring, tenantId: string, normalized: string) => keys.hmac(`code:${tenantId}:${normalized}`);

/**
 * Who is looking, for the guessing guard (guard.ts). 'screened': the guard already judged this code
 * earlier in the same request (a re-read inside a transaction, which must never wait on the guard:
 * on PGlite the guard's statement would wait for that very transaction).
 */
export type Screen = { guard: Guard; tenantId: string; who: string } | 'screened';

export const screenFor = (ctx: Ctx, caller: Caller): Screen => ({ guard: guardFor(ctx.db), tenantId: caller.tenantId, who: `key:${caller.keyId}` });

/**
 * Finds a card by the code a person typed or scanned. Imported codes are matched as given;
 * our own codes also under Crockford reading (O→0, I/L→1). A miss is either a mistyped code
 * (its check character fails) or an unknown one, and counts toward the guessing limit; a card the
 * caller may not see (`visible`) is a miss too. Over the limit, hit and miss alike get a 429.
 */
export async function findByCode(
  q: Sql,
  keys: Keyring,
  tenantId: string,
  input: string,
  screen: Screen,
  opts: {
    forUpdate?: boolean;
    select?: string;
    joins?: string;
    params?: unknown[];
    visible?: (row: CardRow) => boolean;
    fetch?: (hashes: Buffer[]) => Promise<(CardRow & Record<string, any>) | undefined>;
  } = {},
): Promise<CardRow & Record<string, any>> {
  if (codeResolvers.list().length) {
    const resolved = await resolveCode(q, keys, tenantId, input.trim());
    if (resolved) return findResolved(q, tenantId, resolved, screen, opts);
  }
  const code = normalizeCode(input);
  if (!code) throw new AppError(422, 'VALIDATION_FAILED', 'code: empty', { errors: [{ field: 'code', reason: 'empty' }] });
  const candidates = [code];
  const aliased = crockfordAliases(code);
  if (aliased !== code) candidates.push(aliased);
  const extra = opts.params ?? [];
  if (screen !== 'screened') screen.guard.refuseIfLocked(screen.tenantId, screen.who);
  const hashes = candidates.map((c) => codeHash(keys, tenantId, c));
  const row = await (opts.fetch // a caller may fetch its own way (the redemption groups its reads)
    ? opts.fetch(hashes)
    : q
        .query<CardRow>(
          `SELECT ${opts.select ?? 'c.*'} FROM cards c ${opts.joins ?? ''}
       WHERE c.tenant_id = $1 AND c.code_hash = ANY($2::bytea[]) LIMIT 1${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
          [tenantId, hashes, ...extra],
        )
        .then((r) => r.rows[0]));
  const found = !!row && (!opts.visible || opts.visible(row));
  // the guard answers first: over budget, a 429 whether the card exists or not
  if (screen !== 'screened') await (found ? screen.guard.admit(screen.tenantId, screen.who) : screen.guard.miss(screen.tenantId, screen.who));
  if (found) return row;
  if (!hasValidCheck(code) && !hasValidCheck(aliased))
    throw new AppError(422, 'CODE_MISTYPED', 'code: the check character does not match; a character was probably mistyped', {
      errors: [{ field: 'code', reason: 'check character mismatch' }],
    });
  throw new AppError(404, 'CARD_NOT_FOUND', 'no card has this code');
}

/** A code a resolver recognised (resolvers.ts): its card by id, judged by the guessing guard like any code. */
async function findResolved(
  q: Sql,
  tenantId: string,
  resolved: Resolved,
  screen: Screen,
  opts: { forUpdate?: boolean; select?: string; joins?: string; params?: unknown[]; visible?: (row: CardRow) => boolean },
): Promise<CardRow & Record<string, any>> {
  if (screen !== 'screened') screen.guard.refuseIfLocked(screen.tenantId, screen.who);
  const row =
    'cardId' in resolved
      ? (
          await q.query<CardRow>(
            `SELECT ${opts.select ?? 'c.*'} FROM cards c ${opts.joins ?? ''} WHERE c.tenant_id = $1 AND c.id = $2 LIMIT 1${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
            [tenantId, resolved.cardId, ...(opts.params ?? [])],
          )
        ).rows[0]
      : undefined;
  const found = !!row && (!opts.visible || opts.visible(row));
  if (screen !== 'screened') await (found ? screen.guard.admit(screen.tenantId, screen.who) : screen.guard.miss(screen.tenantId, screen.who));
  if (found && 'refuse' in resolved && resolved.refuse) throw resolved.refuse;
  if (found) return row;
  if ('wrong' in resolved) throw resolved.wrong;
  throw new AppError(404, 'CARD_NOT_FOUND', 'no card has this code');
}

export const pinMatches = (keys: Keyring, tenantId: string, pinHash: Uint8Array | null, pin: string | undefined) =>
  !!pin && !!pinHash && Buffer.from(pinHash).equals(keys.hmac(`pin:${tenantId}:${pin}`));

/**
 * A PIN 卡密 is guessed like a code: a wrong one counts as a miss (and over budget is a 429, not
 * PIN_INVALID), and a right one is told only to a caller within budget.
 */
export async function judgePin(screen: Screen, ok: boolean, wrong: () => AppError): Promise<void> {
  if (screen !== 'screened') await (ok ? screen.guard.admit(screen.tenantId, screen.who) : screen.guard.miss(screen.tenantId, screen.who));
  if (!ok) throw wrong();
}

export async function findById(q: Sql, tenantId: string, id: string, opts: { forUpdate?: boolean; channelIds?: string[] | null } = {}): Promise<CardRow> {
  const r = await q.query<CardRow>(
    `SELECT * FROM cards WHERE tenant_id = $1 AND id = $2 AND ($3::text[] IS NULL OR channel_id = ANY($3::text[]))${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, id, opts.channelIds ?? null],
  );
  if (!r.rows[0]) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  return r.rows[0];
}

export function revealCode(keys: Keyring, c: Pick<CardRow, 'code_enc'>): { code: string; pin: string | null } {
  const [code, pin] = keys.decrypt(c.code_enc).split('\t');
  return { code, pin: pin ?? null };
}
