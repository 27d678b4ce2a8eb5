import type { Sql } from '../../db/index.js';
import type { AppError } from '../../errors.js';
import type { Keyring } from '../../secrets.js';
import { extensionPoint } from '../../platform/extensions.js';

/**
 * Code resolvers 码解析: a code a person scans may be something other than a card's printed code —
 * the wallet's rotating dynamic code 动态码 (verification/) names its card and carries a one-time
 * value. A resolver that knows the format answers which card it names, so every look-up by code (the
 * redemption, its check, the clerk's look-up) takes it without knowing it.
 */
export type Resolved =
  /** the code is right: this card (still subject to the guessing guard, and to visibility); `refuse`: right but spent (not a guess), refused once admitted */
  | { cardId: string; refuse?: AppError }
  /** the format is the resolver's but the code is wrong or stale: counted as a miss, then this refusal */
  | { wrong: AppError };

export interface CodeResolver {
  name: string;
  /** undefined: not this resolver's format. Throws a 422 naming the field for a malformed one of its format. */
  resolve(q: Sql, keys: Keyring, tenantId: string, input: string): Promise<Resolved | undefined>;
}

export const codeResolvers = extensionPoint<CodeResolver>('cards.code-resolvers');

export async function resolveCode(q: Sql, keys: Keyring, tenantId: string, input: string): Promise<Resolved | undefined> {
  for (const r of codeResolvers.list()) {
    const out = await r.resolve(q, keys, tenantId, input);
    if (out) return out;
  }
  return undefined;
}
