import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { crockfordAliases, hasValidCheck, normalizeCode } from '../../codes.js';
import type { Keyring } from '../../secrets.js';
import { checkGuessing, recordMiss } from './guard.js';
import type { CardRow } from './model.js';

export const codeHash = (keys: Keyring, tenantId: string, normalized: string) => keys.hmac(`code:${tenantId}:${normalized}`);

/**
 * Finds a card by the code a person typed or scanned. Imported codes are matched as given;
 * our own codes also under Crockford reading (O→0, I/L→1). A miss is either a mistyped code
 * (its check character fails) or an unknown one, and counts toward the guessing limit.
 */
export async function findByCode(
  q: Sql, keys: Keyring, tenantId: string, input: string, who: string,
  opts: {
    forUpdate?: boolean; select?: string; joins?: string; params?: unknown[];
    /** a channel finds only its own channel's cards; any other answers exactly like an unknown code */
    channelId?: string | null;
    fetch?: (hashes: Buffer[]) => Promise<(CardRow & Record<string, any>) | undefined>;
  } = {},
): Promise<CardRow & Record<string, any>> {
  const code = normalizeCode(input);
  if (!code) throw new AppError(422, 'VALIDATION_FAILED', 'code: empty', { errors: [{ field: 'code', reason: 'empty' }] });
  const candidates = [code];
  const aliased = crockfordAliases(code);
  if (aliased !== code) candidates.push(aliased);
  const extra = opts.params ?? [];
  // the guard's check and the look-up run side by side; a throttled caller learns nothing from the row
  const hashes = candidates.map((c) => codeHash(keys, tenantId, c));
  const [, row] = await Promise.all([
    checkGuessing(who),
    opts.fetch // a caller may fetch its own way (the redemption groups its reads)
      ? opts.fetch(hashes)
      : q.query<CardRow>(
        `SELECT ${opts.select ?? 'c.*'} FROM cards c ${opts.joins ?? ''}
         WHERE c.tenant_id = $1 AND c.code_hash = ANY($2::bytea[]) LIMIT 1${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
        [tenantId, hashes, ...extra],
      ).then((r) => r.rows[0]),
  ]);
  if (row && (!opts.channelId || row.channel_id === opts.channelId)) return row;
  await recordMiss(who);
  if (!hasValidCheck(code) && !hasValidCheck(aliased))
    throw new AppError(422, 'CODE_MISTYPED', 'code: the check character does not match; a character was probably mistyped', { errors: [{ field: 'code', reason: 'check character mismatch' }] });
  throw new AppError(404, 'CARD_NOT_FOUND', 'no card has this code');
}

export async function findById(q: Sql, tenantId: string, id: string, opts: { forUpdate?: boolean; channelId?: string | null } = {}): Promise<CardRow> {
  const r = await q.query<CardRow>(
    `SELECT * FROM cards WHERE tenant_id = $1 AND id = $2 AND ($3::text IS NULL OR channel_id = $3)${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, id, opts.channelId ?? null],
  );
  if (!r.rows[0]) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  return r.rows[0];
}

export function revealCode(keys: Keyring, c: Pick<CardRow, 'code_enc'>): { code: string; pin: string | null } {
  const [code, pin] = keys.decrypt(c.code_enc).split('\t');
  return { code, pin: pin ?? null };
}
