import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Answer, Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type AnswerOf = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });

export type Campaign = Answer<'/v1/campaigns/{id}', 'get'>;
export type CampaignInput = Body<'/v1/campaigns', 'post'>;
export type CampaignPatch = Body<'/v1/campaigns/{id}', 'patch'>;
export type CampaignClaim = Answer<'/v1/campaigns/{id}/claims', 'post'>;
export type WalletCampaign = Answer<'/v1/wallet/campaigns/{id}', 'get'>;
export type ShareLink = Answer<'/v1/wallet/shares', 'get'>['data'][number];
export type ShareCreated = Answer<'/v1/wallet/campaigns/{id}/shares', 'post'>;
export type SharePreview = Answer<'/v1/wallet/shares/preview', 'post'>;
export type CampaignsQuery = { limit?: number; cursor?: string | null; status?: Campaign['status']; kind?: Campaign['kind'] };

/** 领券中心 for the console: campaigns with their results (list, make, change, publish/pause/end) and their claims. */
export const campaignsApi = (api: Http, answer: AnswerOf) => ({
  campaigns: (q: CampaignsQuery) =>
    answer(api.GET('/v1/campaigns', { params: { query: Object.fromEntries(Object.entries(q).filter(([, v]) => v != null && v !== '')) as never } })),
  createCampaign: (b: CampaignInput) => answer(api.POST('/v1/campaigns', { body: b })),
  updateCampaign: (id: string, b: CampaignPatch) => answer(api.PATCH('/v1/campaigns/{id}', { ...byId(id), body: b })),
  moveCampaign: (id: string, move: 'publish' | 'pause' | 'end') =>
    answer(
      move === 'publish'
        ? api.POST('/v1/campaigns/{id}/publish', byId(id))
        : move === 'pause'
          ? api.POST('/v1/campaigns/{id}/pause', byId(id))
          : api.POST('/v1/campaigns/{id}/end', byId(id)),
    ),
  campaignClaims: (id: string) => answer(api.GET('/v1/campaigns/{id}/claims', { ...byId(id), params: { path: { id }, query: { limit: 50 } } })),
});

/** 领券中心 and 分享领券 in the wallet: what I may claim, claiming, my share links, a friend's link. */
export const walletCampaignsApi = (api: Http, answer: AnswerOf) => ({
  claimCenter: () => answer(api.GET('/v1/wallet/campaigns')),
  walletCampaign: (id: string) => answer(api.GET('/v1/wallet/campaigns/{id}', byId(id))),
  claimCampaign: (id: string) => answer(api.POST('/v1/wallet/campaigns/{id}/claim', { ...byId(id), body: {} })),
  makeShare: (id: string) => answer(api.POST('/v1/wallet/campaigns/{id}/shares', { ...byId(id), body: {} })),
  myShares: () => answer(api.GET('/v1/wallet/shares')),
  previewShare: (token: string) => answer(api.POST('/v1/wallet/shares/preview', { body: { token } })),
  claimShare: (token: string) => answer(api.POST('/v1/wallet/shares/claim', { body: { token } })),
});
