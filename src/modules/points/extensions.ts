import type { Sql } from '../../db/index.js';
import { extensionPoint } from '../../platform/extensions.js';

/** A change of a member's growth value 成长值, as the modules that follow it (tiers) see it. */
export interface GrowthChange {
  tenantId: string;
  memberId: string;
  /** the member's growth after the change */
  total: number;
  delta: number;
  reason: string;
  reference: string;
  orderId: string | null;
  at: Date;
}

/** Called in the transaction that changed a member's growth (an earn, a claw-back, an adjustment, an expiry). */
export const growthChanged = extensionPoint<(q: Sql, c: GrowthChange) => Promise<void>>('points.growthChanged');
