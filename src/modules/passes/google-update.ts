import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { googleWalletApi, type GoogleWalletApi } from './google-api.js';
import { googleObjectNow } from './service.js';

let apiOverride: GoogleWalletApi | null = null;
/** Tests (and an operator's own proxy) may put another Google Wallet API in. */
export const setGoogleWalletApi = (a: GoogleWalletApi | null) => {
  apiOverride = a;
};
let live: GoogleWalletApi | null = null; // one per process: it keeps the access tokens
function apiFor(): GoogleWalletApi {
  if (apiOverride) return apiOverride;
  if (!live) live = googleWalletApi();
  return live;
}

/**
 * A changed card's Google objects are PATCHed to what the card shows now (worth, state, code, expiry):
 * a redemption, top-up, freeze or expiry reaches the member's Google Wallet as Apple's push does.
 * Objects made under another issuer (the settings changed since) are left alone.
 */
export async function updateGoogleObjects(ctx: Ctx, tenantId: string, cardId: string): Promise<void> {
  const rows = await ctx.db.query<{ object_id: string }>('SELECT object_id FROM pass_google_objects WHERE tenant_id = $1 AND card_id = $2', [tenantId, cardId]);
  if (!rows.rows.length) return;
  let now: Awaited<ReturnType<typeof googleObjectNow>>;
  try {
    now = await googleObjectNow(ctx, ctx.db, tenantId, cardId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'PASS_NOT_CONFIGURED') return; // Google Wallet was switched off: nothing to tell it
    throw e;
  }
  const ids = rows.rows.map((r) => r.object_id).filter((id) => id === now.object.id);
  for (const id of ids) {
    const { id: _id, classId: _class, ...body } = now.object;
    const r = await apiFor().patchObject(now.s, now.type, id, body);
    if (!r.missing && (r.status < 200 || r.status >= 300)) throw new Error(`Google Wallet refused the update of ${id} (status ${r.status})`); // the job retries
  }
}
