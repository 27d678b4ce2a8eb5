import type { Sql } from '../../db/index.js';
import { resolveNames } from '../../platform/names.js';
import { templateNames } from '../templates/names.js';
import { getGrant } from '../rewards/service.js';

/** Claims 领取记录: each one a member's n-th claim of a campaign, what it gave (its reward grant) and the share link it came through. */
export interface ClaimRow {
  id: string;
  campaign_id: string;
  member_id: string;
  n: number;
  share_id: string | null;
  grant_id: string;
  card_ids: string[];
  via: 'wallet' | 'api' | 'share';
  created_at: Date;
}
export const CLAIM_COLS = 'id, campaign_id, member_id, n, share_id, grant_id, card_ids, via, created_at';

/** Claims as they are answered: the campaign's and member's names, the cards by their templates' names, packs and points. */
export async function claimViews(q: Sql, tenantId: string, rows: ClaimRow[]) {
  const names = await resolveNames(
    q,
    tenantId,
    rows.flatMap((r) => [r.campaign_id, r.member_id]),
  );
  const grants = await Promise.all(rows.map((r) => getGrant(q, tenantId, `claim:${r.campaign_id}:${r.member_id}:${r.n}`)));
  const tpl = await templateNames(
    q,
    tenantId,
    grants.flatMap((g) => g?.given.cards.map((c) => c.template_id) ?? []),
  );
  return rows.map((r, i) => {
    const g = grants[i];
    return {
      id: r.id,
      campaign_id: r.campaign_id,
      campaign_name: names.get(r.campaign_id) ?? null,
      member_id: r.member_id,
      member_name: names.get(r.member_id) ?? null,
      n: r.n,
      via: r.via,
      share_id: r.share_id,
      cards: (g?.given.cards ?? []).map((c) => ({ id: c.id, name: tpl.get(c.template_id) ?? null })),
      pack_grant_ids: (g?.given.packs ?? []).map((p) => p.grant_id),
      points: (g?.given.points ?? []).reduce((s, p) => s + (p.asset === 'points' ? p.amount : 0), 0),
      created_at: r.created_at,
    };
  });
}

/** A campaign's claims, newest first (the console's 领取记录). */
export async function listClaims(q: Sql, tenantId: string, campaignId: string, opts: { limit: number; before?: string | null }) {
  const r = await q.query<ClaimRow>(
    `SELECT ${CLAIM_COLS} FROM campaign_claims WHERE tenant_id = $1 AND campaign_id = $2 AND ($3::text IS NULL OR id < $3) ORDER BY id DESC LIMIT $4`,
    [tenantId, campaignId, opts.before ?? null, opts.limit],
  );
  return r.rows;
}
