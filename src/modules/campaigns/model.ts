import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { templateNames } from '../templates/names.js';
import { packNames } from '../packs/service.js';
import type { Reward } from '../rewards/schemas.js';
import type { ShareSettings } from './schemas.js';

/** A campaign row 活动 (claim center 领券中心 or share 分享领券) and how it reads. */
export type CampaignStatus = 'draft' | 'live' | 'paused' | 'ended';
export interface CampaignRow {
  id: string;
  kind: 'claim' | 'share';
  name: string;
  description: string;
  segment_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  stock: number | null;
  claimed: number;
  per_member_limit: number;
  rewards: Reward[];
  share: ShareSettings | null;
  status: CampaignStatus;
  created_at: Date;
  updated_at: Date;
}
export const CAMPAIGN_COLS =
  'id, kind, name, description, segment_id, starts_at, ends_at, stock, claimed, per_member_limit, rewards, share, status, created_at, updated_at';

export const notFoundCampaign = () => new AppError(404, 'CAMPAIGN_NOT_FOUND', 'campaign not found');

export async function getCampaign(q: Sql, tenantId: string, id: string, lock = false): Promise<CampaignRow> {
  const r = await q.query<CampaignRow>(`SELECT ${CAMPAIGN_COLS} FROM campaigns WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw notFoundCampaign();
  return r.rows[0];
}

/** Campaigns' names by id (the audit log, a card's trace: `nameResolvers`). */
export async function campaignNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM campaigns WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

export type CampaignState = 'draft' | 'scheduled' | 'live' | 'paused' | 'sold_out' | 'ended';
/** What a member sees now: the status, with the window and the stock applied. */
export function stateOf(c: Pick<CampaignRow, 'status' | 'starts_at' | 'ends_at' | 'stock' | 'claimed'>, now: Date): CampaignState {
  if (c.status !== 'live') return c.status;
  if (c.ends_at && now >= c.ends_at) return 'ended';
  if (c.starts_at && now < c.starts_at) return 'scheduled';
  if (c.stock !== null && c.claimed >= c.stock) return 'sold_out';
  return 'live';
}

/** The claim link 领取链接: the wallet opens on the campaign (the id rides in the fragment, as the wallet's other links do). */
export const claimUrl = (ctx: Ctx, id: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/wallet/claim#c=${id}`;
export const shareUrl = (ctx: Ctx, token: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/wallet/claim#s=${token}`;

export interface RewardLine {
  type: string;
  name: string;
  template_id: string | null;
}
/** What rewards give, in words a person reads: 「10元代金券 ×2」「新人礼包」「50 积分」. */
export async function rewardLines(q: Sql, tenantId: string, lists: Reward[][]): Promise<RewardLine[][]> {
  const all = lists.flat();
  const tpl = await templateNames(
    q,
    tenantId,
    all.flatMap((r) => (r.type === 'card' ? [r.template_id] : [])),
  );
  const packs = await packNames(
    q,
    tenantId,
    all.flatMap((r) => (r.type === 'pack' ? [r.pack_id] : [])),
  );
  return lists.map((rs) =>
    rs.map((r): RewardLine => {
      if (r.type === 'card') {
        const n = tpl.get(r.template_id) ?? '卡券';
        return { type: 'card', name: (r.quantity ?? 1) > 1 ? `${n} ×${r.quantity}` : n, template_id: r.template_id };
      }
      if (r.type === 'pack') return { type: 'pack', name: packs.get(r.pack_id) ?? '权益礼包', template_id: null };
      return { type: r.asset ?? 'points', name: `${r.amount} ${r.asset === 'growth' ? '成长值' : '积分'}`, template_id: null };
    }),
  );
}
