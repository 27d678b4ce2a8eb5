import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Answer as AnswerOf, Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type Answer = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });

export type ReferralCampaign = AnswerOf<'/v1/referral-campaigns/{id}', 'get'>;
export type ReferralCampaignInput = Body<'/v1/referral-campaigns', 'post'>;
export type ReferralRow = AnswerOf<'/v1/referrals', 'get'>['data'][number];
export type WalletReferral = AnswerOf<'/v1/wallet/referral', 'get'>;
export type CheckinSettings = AnswerOf<'/v1/checkin-settings', 'get'>;
export type CheckinSettingsInput = Body<'/v1/checkin-settings', 'put'>;
export type TaskRow = AnswerOf<'/v1/tasks', 'get'>['data'][number];
export type TaskInput = Body<'/v1/tasks', 'post'>;
export type WalletCheckin = AnswerOf<'/v1/wallet/checkin', 'get'>;

/** 邀请有礼 and 签到与任务 for the console: campaigns with results, referrals, check-in settings, tasks. */
export const referralsApi = (api: Http, answer: Answer) => ({
  referralCampaigns: () => answer(api.GET('/v1/referral-campaigns', { params: { query: { limit: 100 } } })),
  createReferralCampaign: (b: ReferralCampaignInput) => answer(api.POST('/v1/referral-campaigns', { body: b })),
  updateReferralCampaign: (id: string, b: Partial<ReferralCampaignInput>) => answer(api.PATCH('/v1/referral-campaigns/{id}', { ...byId(id), body: b })),
  publishReferralCampaign: (id: string) => answer(api.POST('/v1/referral-campaigns/{id}/publish', byId(id))),
  pauseReferralCampaign: (id: string) => answer(api.POST('/v1/referral-campaigns/{id}/pause', byId(id))),
  referrals: (campaignId: string) => answer(api.GET('/v1/referrals', { params: { query: { campaign_id: campaignId, limit: 100 } } })),
  checkinSettings: () => answer(api.GET('/v1/checkin-settings')),
  setCheckinSettings: (b: CheckinSettingsInput) => answer(api.PUT('/v1/checkin-settings', { body: b })),
  tasks: () => answer(api.GET('/v1/tasks')),
  createTask: (b: TaskInput) => answer(api.POST('/v1/tasks', { body: b })),
  updateTask: (id: string, b: Partial<TaskInput>) => answer(api.PATCH('/v1/tasks/{id}', { ...byId(id), body: b })),
});

/** 邀请有礼 and 签到 in the wallet. */
export const referralsWalletApi = (api: Http, answer: Answer) => ({
  referral: () => answer(api.GET('/v1/wallet/referral')),
  joinReferral: (code: string) => answer(api.POST('/v1/wallet/referral/join', { body: { code } })),
  checkin: () => answer(api.GET('/v1/wallet/checkin')),
  checkIn: () => answer(api.POST('/v1/wallet/checkin', { body: {} })),
});
