import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { clearCookie, cookieCredential } from '../../http/cookies.js';
import { walletLinksValidFrom } from '../members/service.js';
import { refuse, verifyWalletToken, type WalletClaims } from './link.js';
import { tenantDisabled, tenantDisabledError } from '../tenants/service.js';
import { walletCaller } from './service.js';

const claimsOf = new WeakMap<FastifyRequest, WalletClaims>();

export const walletHeader = (req: FastifyRequest) => /^Wallet\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/**
 * How a wallet route signs its member in, for the wallet module's routes and any other module's
 * `/wallet/…` route (a member's tier, points): spread `opts` into the route's options, read the
 * member with `who(req)`; `req.caller` is the member (role `member`, `memberId`).
 */
export function walletAuthOf(ctx: Ctx) {
  /** The member a signed link names, if it is still good: not forged, not expired, not revoked. */
  const verify = async (token: string) => {
    const claims = verifyWalletToken(ctx.keys, token, ctx.clock.now());
    if (await tenantDisabled(ctx.db, claims.tenant_id)) throw tenantDisabledError();
    const validFrom = await walletLinksValidFrom(ctx.db, claims.tenant_id, claims.member_id);
    if (validFrom === undefined || (validFrom && (claims.iat ?? 0) < new Date(validFrom).getTime())) throw refuse();
    return claims;
  };
  const actAs = (req: FastifyRequest, claims: WalletClaims) => {
    claimsOf.set(req, claims);
    req.caller = walletCaller(claims.tenant_id, claims.member_id);
    req.actor = `member:${claims.member_id}`;
  };

  /**
   * `Authorization: Wallet <token>`, or the wallet cookie the page got for it (POST /wallet/session)
   * with X-Kaquan-Screen: wallet: the member the link was signed for, acting on their own cards.
   * The cookie holds the signed link itself, so expiry and revocation are checked on every request.
   */
  const walletAuth = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = walletHeader(req);
    if (token) return actAs(req, await verify(token));
    const cookie = cookieCredential(req, ['wallet']);
    if (!cookie) throw new AppError(401, 'UNAUTHENTICATED', 'send Authorization: Wallet <token from the wallet link>');
    const claims = await verify(cookie.value).catch((e) => {
      clearCookie(reply, ctx.config, 'wallet');
      throw e;
    });
    // a page that showed one member must not go on as another whose link this browser opened since
    const pinned = req.headers['x-kaquan-wallet-member'];
    if (typeof pinned === 'string' && pinned !== claims.member_id) {
      throw new AppError(401, 'WALLET_SWITCHED', 'this browser has opened another wallet link since; open your wallet link again');
    }
    actAs(req, claims);
  };
  return {
    verify,
    actAs,
    who: (req: FastifyRequest) => claimsOf.get(req)!,
    opts: { config: { public: true } as object, onRequest: walletAuth },
    security: [{ wallet: [] }],
  };
}
