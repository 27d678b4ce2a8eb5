import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Answer as AnswerOf, Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type Answer = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });
const clean = <Q extends object>(q: Q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Q;

export type GroupCampaign = AnswerOf<'/v1/group-campaigns/{id}', 'get'>;
export type GroupCampaignInput = Body<'/v1/group-campaigns', 'post'>;
export type GroupCampaignPatch = Body<'/v1/group-campaigns/{id}', 'patch'>;
export type GroupRow = AnswerOf<'/v1/group-campaigns/{id}/groups', 'get'>['data'][number];
export type WalletGroupCampaign = AnswerOf<'/v1/wallet/group-campaigns', 'get'>['data'][number];
export type WalletGroup = AnswerOf<'/v1/wallet/groups', 'get'>['data'][number];
/** A list table's query (page, filters): the server checks each value (an unknown one is a 422 naming it). */
type ListQuery = { limit?: number; cursor?: string | null; [k: string]: unknown };

/** 组团活动 for the console: campaigns with results, their terms, publish/pause, and a campaign's groups. */
export const groupsApi = (api: Http, answer: Answer) => ({
  groupCampaigns: (q: ListQuery) => answer(api.GET('/v1/group-campaigns', { params: { query: clean(q) as never } })),
  createGroupCampaign: (b: GroupCampaignInput) => answer(api.POST('/v1/group-campaigns', { body: b })),
  updateGroupCampaign: (id: string, b: GroupCampaignPatch) => answer(api.PATCH('/v1/group-campaigns/{id}', { ...byId(id), body: b })),
  publishGroupCampaign: (id: string) => answer(api.POST('/v1/group-campaigns/{id}/publish', byId(id))),
  pauseGroupCampaign: (id: string) => answer(api.POST('/v1/group-campaigns/{id}/pause', byId(id))),
  campaignGroups: (id: string, q: ListQuery) => answer(api.GET('/v1/group-campaigns/{id}/groups', { params: { path: { id }, query: clean(q) as never } })),
});

/** 组团 in the wallet: campaigns I may start a group of, my groups, and a friend's join link (preview, join). */
export const groupsWalletApi = (api: Http, answer: Answer) => ({
  groupCampaigns: () => answer(api.GET('/v1/wallet/group-campaigns')),
  startGroup: (campaignId: string) => answer(api.POST('/v1/wallet/group-campaigns/{id}/groups', { ...byId(campaignId), body: {} })),
  myGroups: () => answer(api.GET('/v1/wallet/groups')),
  previewGroup: (token: string) => answer(api.POST('/v1/wallet/groups/preview', { body: { token } })),
  joinGroup: (token: string) => answer(api.POST('/v1/wallet/groups/join', { body: { token } })),
});
