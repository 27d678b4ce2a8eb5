import type { EntryDef } from './words.js';

/** 卡包 Wallet passes: Apple Wallet and Google Wallet. */
export const PASSES = {
  PASS_NOT_CONFIGURED: {
    status: 409,
    zh: '品牌还没有设置{provider}钱包，暂时不能存入手机卡包。',
    en: 'This brand has not set up {provider} Wallet yet; the card cannot be added to a phone wallet.',
    note: 'an owner sets it in /v1/pass-settings/{provider}',
  },
  PASS_SETTINGS_INVALID: {
    status: 422,
    zh: '钱包证书或密钥无效[：{errors?:errors}]。',
    en: 'The wallet certificate or key is not valid[: {errors?:errors}].',
    note: 'a PEM that does not parse, or a key that is not the certificate’s',
  },
  PASS_CARD_NOT_ISSUED: { status: 409, zh: '这张卡券还没有发放，不能存入卡包。', en: 'This card has not been issued; it cannot be added to a wallet.' },
} as const satisfies Record<string, EntryDef>;
