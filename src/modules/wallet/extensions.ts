import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { extensionPoint } from '../../platform/extensions.js';

/** What a wallet route is registered with: signed in by the member's wallet link (req.caller is the member, role `member`). */
export interface WalletRouteOptions {
  config: object;
  onRequest: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
}
/** The same, by the name the packs module knows it by (both branches added this extension point). */
export type WalletRouteOpts = WalletRouteOptions;

/**
 * Routes other modules add under /v1/wallet (a member's points, the packs granted to them), signed in
 * as the wallet's own routes are, without an edit here: `extend: [walletRoutes.with((app, ctx, opts) => …)]`.
 */
export const walletRoutes = extensionPoint<(app: FastifyInstance, ctx: Ctx, opts: WalletRouteOptions) => void>('wallet.routes');
