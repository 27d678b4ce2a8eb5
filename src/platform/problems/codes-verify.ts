import type { EntryDef } from './words.js';

/** Dynamic codes 动态码 and second verification by SMS 短信二次验证: read by the clerk at the till and the operator. */
export const VERIFY = {
  DYNAMIC_CODE_REQUIRED: {
    status: 403,
    zh: '这张券只能用会员钱包里的动态码核销，印刷码或截图无效。请让顾客打开钱包出示实时二维码后扫码。',
    en: 'This card is redeemed only by the live code in the member’s wallet; a printed code or a screenshot does not work. Ask the customer to open the wallet and scan its QR code.',
  },
  DYNAMIC_CODE_MALFORMED: {
    status: 422,
    zh: '这不是有效的动态码（应为 KQ1.卡号.6位数字）。请重新扫描顾客钱包里的二维码。',
    en: 'This is not a valid dynamic code (it reads KQ1.<card>.<6 digits>). Scan the QR code in the customer’s wallet again.',
  },
  DYNAMIC_CODE_INVALID: {
    status: 403,
    zh: '动态码不正确或已过期（每 30 秒更新）。请让顾客刷新钱包后重新出示。',
    en: 'The dynamic code is wrong or has expired (it changes every 30 s). Ask the customer to show the live code again.',
  },
  DYNAMIC_CODE_USED: {
    status: 409,
    zh: '这个动态码已经用过了。请等顾客的二维码刷新（30 秒内）后再扫。',
    en: 'This dynamic code was already used. Wait for the customer’s QR code to change (within 30 s) and scan again.',
  },
  DYNAMIC_CODE_NOT_USED: {
    status: 409,
    zh: '这张券不使用动态码，请出示券码。',
    en: 'This card does not use dynamic codes; show its code.',
  },
  OTP_REQUIRED: {
    status: 428,
    zh: '这笔核销需要短信验证：已向尾号[{phone_last4:text}]的手机发送验证码，请让顾客告知验证码后填入。',
    en: 'This redemption needs an SMS code: a code was sent to the phone ending [{phone_last4:text}]. Ask the customer for it and enter it.',
    also: ['challenge_id', 'phone_masked', 'expires_at', 'reason_zh', 'reason_en', 'resend_after?'],
  },
  OTP_WRONG: {
    status: 403,
    zh: '验证码不正确[，还可以再试 {attempts_left:int} 次]。',
    en: 'Wrong code[; {attempts_left:int} tries left].',
  },
  OTP_INVALID: { status: 403, zh: '验证码请求不存在，请重新发送验证码。', en: 'No such code request; send a new code.' },
  OTP_WRONG_CARD: {
    status: 403,
    zh: '这个验证码是发给另一张券的，不能用于这张券。请重新发送验证码。',
    en: 'This code was sent for another card and cannot be used for this one. Send a new code.',
    also: ['otp_card_id', 'card_id'],
  },
  OTP_USED: { status: 403, zh: '这个验证码已经用过了，请重新发送验证码。', en: 'This code was already used; send a new one.' },
  OTP_EXPIRED: { status: 403, zh: '验证码已过期（5 分钟内有效），请重新发送。', en: 'The code has expired (it is good for 5 minutes); send a new one.' },
  OTP_TOO_MANY_ATTEMPTS: {
    status: 429,
    zh: '验证码错误次数过多，这个验证码已失效。请重新发送验证码。',
    en: 'Too many wrong codes: this code no longer works. Send a new one.',
  },
  OTP_RESEND_TOO_SOON: {
    status: 429,
    zh: '验证码刚刚发送过[，请 {retry_after:int} 秒后再试]。',
    en: 'A code was just sent[; try again in {retry_after:int} s].',
  },
  OTP_NO_MEMBER: {
    status: 409,
    zh: '这张券没有绑定会员，无法发送短信验证码。请联系运营审批后核销。',
    en: 'This card is held by no member, so no SMS code can be sent. Ask an operator for an approval.',
  },
  OTP_NO_PHONE: {
    status: 409,
    zh: '这位会员没有登记手机号，无法发送短信验证码。请联系运营审批后核销。',
    en: 'This member has no phone number, so no SMS code can be sent. Ask an operator for an approval.',
    also: ['member_id'],
  },
  SMS_NOT_CONFIGURED: {
    status: 409,
    zh: '短信通道尚未配置完整[（缺少 {missing:list}）]。请在设置中填写短信服务商信息。',
    en: 'The SMS provider is not fully set up[ (missing {missing:list})]. Fill in the SMS settings.',
  },
  SMS_SEND_FAILED: {
    status: 502,
    zh: '短信发送失败[（{provider:text}：{provider_code:text}）]。请稍后再试，或联系运营审批后核销。',
    en: 'The SMS could not be sent[ ({provider:text}: {provider_code:text})]. Try again later, or ask an operator for an approval.',
    also: ['provider_message'],
  },
} as const satisfies Record<string, EntryDef>;
