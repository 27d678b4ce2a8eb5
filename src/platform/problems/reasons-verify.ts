/** The hand-written reasons of 动态码与二次验证 (verification/), worded for the person at the form (fields.ts). */
export const VERIFY_REASONS: [RegExp, (f: string, m: RegExpMatchArray) => readonly [string, string]][] = [
  [/^malformed dynamic code$/, () => ['动态码格式不对，请重新扫描钱包里的二维码', 'not a dynamic code: scan the wallet’s QR code again']],
  [/^wrong or expired dynamic code$/, () => ['动态码不正确或已过期，请让顾客出示实时二维码', 'the dynamic code is wrong or expired: ask for the live code']],
  [/^wrong code$/, () => ['验证码不正确', 'wrong code']],
  [/^unknown challenge$/, () => ['验证码请求不存在，请重新发送', 'no such code request: send a new code']],
  [/^issued for another card$/, () => ['这个验证码是发给另一张券的', 'this code was sent for another card']],
  [/^too many attempts$/, () => ['错误次数过多，请重新发送验证码', 'too many wrong codes: send a new one']],
  [
    /^required for the (\w+) provider$/,
    (f, m) => [`使用${m[1] === 'aliyun' ? '阿里云' : '腾讯云'}短信时「${f}」必填`, `${f}: required for the ${m[1]} provider`],
  ],
];
