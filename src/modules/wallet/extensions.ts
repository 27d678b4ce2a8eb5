import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { extensionPoint } from '../../platform/extensions.js';

/** How a route joins the wallet: the wallet's sign-in hook (Authorization: Wallet <token>, or its cookie) and its security scheme. */
export interface WalletRouteOpts {
  config: object;
  onRequest: (req: FastifyRequest, reply: any) => Promise<void>;
}

/**
 * Routes other modules add to the member's wallet (`/wallet/…`), e.g. the packs granted to them: each
 * is registered with the wallet's authentication, so `req.caller` is the member (role `member`).
 */
export const walletRoutes = extensionPoint<(app: FastifyInstance, ctx: Ctx, opts: WalletRouteOpts) => void>('wallet-routes');
