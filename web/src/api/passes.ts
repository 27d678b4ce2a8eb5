import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Answer as AnswerOf, Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type Answer = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });
/** The signed pass comes back as a file, not JSON. */
const asPass = { parseAs: 'blob' as const, headers: { accept: 'application/vnd.apple.pkpass' } };

export type PassProviders = AnswerOf<'/v1/pass-providers', 'get'>;
export type AppleSettingsShown = AnswerOf<'/v1/pass-settings/apple', 'get'>;
export type AppleSettingsInput = Body<'/v1/pass-settings/apple', 'put'>;
export type GoogleSettingsInput = Body<'/v1/pass-settings/google', 'put'>;
export type WechatSettingsInput = Body<'/v1/wechatpay/settings', 'put'>;
export type PassStyle = AnswerOf<'/v1/templates/{id}/pass-style', 'get'>;
export type PassStyleInput = Body<'/v1/templates/{id}/pass-style', 'put'>;

/** Hands a downloaded pass to the browser: a phone opens "add to Apple Wallet", a computer saves the file. */
export function savePass(blob: Blob, name: string) {
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/vnd.apple.pkpass' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.pkpass`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 手机卡包与微信支付 for the console: which wallets are set up, their settings (secrets never read back), a template's pass look, a card's pass. */
export const passesApi = (api: Http, answer: Answer) => ({
  passProviders: () => answer(api.GET('/v1/pass-providers')),
  appleSettings: () => answer(api.GET('/v1/pass-settings/apple')),
  setAppleSettings: (b: AppleSettingsInput) => answer(api.PUT('/v1/pass-settings/apple', { body: b })),
  googleSettings: () => answer(api.GET('/v1/pass-settings/google')),
  setGoogleSettings: (b: GoogleSettingsInput) => answer(api.PUT('/v1/pass-settings/google', { body: b })),
  wechatSettings: () => answer(api.GET('/v1/wechatpay/settings')),
  setWechatSettings: (b: WechatSettingsInput) => answer(api.PUT('/v1/wechatpay/settings', { body: b })),
  /** 微信支付商家券对账: the reports, newest first; one report; reconcile a mirrored batch now (a job). */
  wechatReconciliations: () => answer(api.GET('/v1/wechat-reconciliations')),
  wechatReconciliation: (id: string) => answer(api.GET('/v1/wechat-reconciliations/{id}', byId(id))),
  reconcileWechat: (batchId: string) => answer(api.POST('/v1/wechat-reconciliations', { body: { batch_id: batchId } })),
  passStyle: (id: string) => answer(api.GET('/v1/templates/{id}/pass-style', byId(id))),
  setPassStyle: (id: string, b: PassStyleInput) => answer(api.PUT('/v1/templates/{id}/pass-style', { ...byId(id), body: b })),
  cardPass: (id: string) => answer(api.GET('/v1/cards/{id}/pass.pkpass', { ...byId(id), ...asPass })) as Promise<unknown> as Promise<Blob>,
  cardGoogleLink: (id: string) => answer(api.GET('/v1/cards/{id}/google-wallet', byId(id))),
});

/** The member's own card into their phone's wallet. */
export const walletPassesApi = (api: Http, answer: Answer) => ({
  passProviders: () => answer(api.GET('/v1/wallet/pass-providers')),
  applePass: (id: string) => answer(api.GET('/v1/wallet/cards/{id}/pass.pkpass', { ...byId(id), ...asPass })) as Promise<unknown> as Promise<Blob>,
  googleLink: (id: string) => answer(api.GET('/v1/wallet/cards/{id}/google-wallet', byId(id))),
});
