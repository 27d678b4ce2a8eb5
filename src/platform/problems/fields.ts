import type { FieldError, Lang } from './words.js';
import { FIELDS } from './field-names.js';
import { MALL_REASONS } from './reasons-mall.js';
import { GROWTH_REASONS } from './reasons-growth.js';
import { POINT_REASONS } from './reasons-points.js';
import { PACK_REASONS } from './reasons-packs.js';
import { TIER_REASONS } from './reasons-tiers.js';
import { RISK_REASONS } from './reasons-risk.js';
import { VERIFY_REASONS } from './reasons-verify.js';
import { DELIVERY_REASONS } from './reasons-delivery.js';

/**
 * Field errors (VALIDATION_FAILED, TEMPLATE_INVALID, BATCH_INVALID …) for the person at the form: the field by its name on
 * the form (「减免金额」, not `body.value.amount_off`) and the reason in their language. The schema checks say which rule
 * failed (`rule`, with `limit` / `allowed` / `expected`); the checks written by hand are recognised by their reason (REASONS
 * below, tested against every literal reason in src/; the growth modules' in reasons-growth.ts): unknown, the field is named.
 */

/** The field as its form names it: the longest known tail of its path, without body./querystring. and list positions. */
export function fieldLabel(field: string, lang: Lang): string {
  const path = field
    .replace(/^(body|querystring|params|headers)\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => !/^\d+$/.test(p));
  for (let i = 0; i < path.length; i++) {
    const hit = FIELDS[path.slice(i).join('.')];
    if (hit) return hit[lang === 'en' ? 1 : 0];
  }
  return path.join('.') || field;
}

const TYPES: Record<string, readonly [string, string]> = {
  integer: ['整数', 'a whole number'],
  number: ['数字', 'a number'],
  string: ['文字', 'text'],
  boolean: ['是或否', 'true or false'],
  array: ['列表', 'a list'],
  object: ['一组字段', 'an object'],
  null: ['空', 'null'],
};
const FORMATS: Record<string, readonly [string, string]> = {
  'date-time': ['日期时间', 'a date and time'],
  date: ['日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)'],
  email: ['邮箱地址', 'an email address'],
  uri: ['网址', 'a URL'],
};

export type Say = (f: string, m: RegExpMatchArray) => readonly [string, string];
/** A rule of the schema checks, by name (`rule`, with the error's limit / allowed / expected). */
const RULES: Record<string, (f: string, e: FieldError) => readonly [string, string]> = {
  unknown: (f) => [`「${f}」不是可填写的字段（请检查拼写）`, `${f}: not a field here (check its spelling)`],
  required: (f) => [`请填写「${f}」`, `${f} is required`],
  enum: (f, e) => [`「${f}」只能是：${(e.allowed ?? []).join('、')}`, `${f} must be one of ${(e.allowed ?? []).join(', ')}`],
  maxLength: (f, e) => [`「${f}」最多 ${e.limit} 个字符`, `${f}: at most ${e.limit} characters`],
  minLength: (f, e) => (e.limit === 1 ? [`请填写「${f}」`, `${f} is required`] : [`「${f}」至少 ${e.limit} 个字符`, `${f}: at least ${e.limit} characters`]),
  maxItems: (f, e) => [`「${f}」最多 ${e.limit} 项`, `${f}: at most ${e.limit} items`],
  minItems: (f, e) => [`「${f}」至少 ${e.limit} 项`, `${f}: at least ${e.limit} items`],
  maximum: (f, e) => [`「${f}」不能大于 ${e.limit}`, `${f}: at most ${e.limit}`],
  exclusiveMaximum: (f, e) => [`「${f}」必须小于 ${e.limit}`, `${f}: less than ${e.limit}`],
  minimum: (f, e) => [`「${f}」不能小于 ${e.limit}`, `${f}: at least ${e.limit}`],
  exclusiveMinimum: (f, e) => [`「${f}」必须大于 ${e.limit}`, `${f}: more than ${e.limit}`],
  pattern: (f) => [`「${f}」的格式不对`, `${f} is not in the right format`],
  format: (f, e) => {
    const w = FORMATS[e.expected ?? ''];
    return w ? [`「${f}」应为${w[0]}`, `${f} must be ${w[1]}`] : [`「${f}」的格式不对`, `${f} is not in the right format`];
  },
  type: (f, e) => {
    const w = TYPES[(e.expected ?? '').split(',')[0]!];
    return w ? [`「${f}」应为${w[0]}`, `${f} must be ${w[1]}`] : [`「${f}」的类型不对`, `${f} has the wrong type`];
  },
  uniqueItems: (f) => [`「${f}」有重复的项`, `${f} has duplicate items`],
};

const kindName = (k: string): readonly [string, string] =>
  (
    ({
      cash: ['代金券', 'a cash voucher'],
      discount: ['折扣券', 'a discount'],
      exchange: ['兑换券', 'an exchange voucher'],
      count: ['次卡', 'a count card'],
      periodic: ['周期卡', 'a periodic card'],
      stored_value: ['储值卡', 'a stored-value card'],
      gift: ['礼品卡', 'a gift card'],
      stamp: ['集点卡', 'a stamp card'],
      external: ['第三方卡密', 'a third-party code'],
    }) as Record<string, readonly [string, string]>
  )[k] ?? [k, k];

const yuan = (fen: string) => (+fen / 100).toFixed(2);

/** Reasons the hand-written checks give (src/**), recognised by their text. */
export const REASONS: [RegExp, Say][] = [
  [/^unknown field/, (f) => RULES.unknown!(f, { field: f, reason: '' })],
  [/^must have required property/, (f) => RULES.required!(f, { field: f, reason: '' })],
  [/^must be one of (.+?)(?: \(- first for descending\))?$/, (f, m) => RULES.enum!(f, { field: f, reason: '', allowed: m[1]!.split(', ') })],
  [/^must NOT have more than (\d+) characters$/, (f, m) => RULES.maxLength!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^(?:must NOT have fewer than|at least) (\d+) characters$/, (f, m) => RULES.minLength!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must NOT have more than (\d+) items$/, (f, m) => RULES.maxItems!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must NOT have fewer than (\d+) items$/, (f, m) => RULES.minItems!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must match pattern/, (f) => RULES.pattern!(f, { field: f, reason: '' })],
  [/^must match format "(.+)"$/, (f, m) => RULES.format!(f, { field: f, reason: '', expected: m[1] })],
  [/^must be <= (\S+)$/, (f, m) => RULES.maximum!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must be < (\S+)$/, (f, m) => RULES.exclusiveMaximum!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must be >= (\S+)$/, (f, m) => RULES.minimum!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must be > (\S+)$/, (f, m) => RULES.exclusiveMinimum!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^must be (integer|number|string|boolean|array|object|null)$/, (f, m) => RULES.type!(f, { field: f, reason: '', expected: m[1] })],
  [/^(required|empty|required for role \w+)$/, (f) => [`请填写「${f}」`, `${f} is required`]],
  [/^required for an? (\w+) template$/, (f, m) => [`${kindName(m[1]!)[0]}必须填写「${f}」`, `${f} is required for ${kindName(m[1]!)[1]}`]],
  [/^not used by an? (\w+) template$/, (f, m) => [`${kindName(m[1]!)[0]}不使用「${f}」，请去掉`, `${kindName(m[1]!)[1]} does not use ${f}; leave it out`]],
  [
    /^check character mismatch$/,
    (f) => [`「${f}」的校验位不符，可能输错了一位`, `${f}: the check character does not match; a character was probably mistyped`],
  ],
  [/^not a date$/, (f) => [`「${f}」不是有效日期（YYYY-MM-DD）`, `${f} is not a real date (YYYY-MM-DD)`]],
  [/^not a phone number$/, (f) => [`「${f}」不是有效的手机号`, `${f} is not a phone number`]],
  [/^not before to$/, () => ['开始日期必须早于结束日期', 'the start must be before the end']],
  [/^period too long$/, (f) => [`「${f}」：期间太长，对账单最多覆盖 400 天`, `${f}: the period is too long (a statement covers at most 400 days)`]],
  [/^taken$/, (f) => [`「${f}」已被占用，请换一个`, `${f} is taken; choose another`]],
  [/^unknown sort$/, (f) => [`「${f}」不是可用的排序方式`, `${f} is not a sort this list knows`]],
  [/^contains a NUL character/, (f) => [`「${f}」含有无法保存的字符`, `${f} contains characters that cannot be stored`]],
  [/^must not contain the username$/, (f) => [`「${f}」不能包含用户名`, `${f} must not contain the username`]],
  [/^is one of the most common passwords/, (f) => [`「${f}」太常见，请换一个`, `${f} is too common; choose another`]],
  [/^is a simple pattern/, (f) => [`「${f}」太简单（重复或连续的字符），请换一个`, `${f} is a simple run of characters; choose another`]],
  [/^2 to 64 letters, digits/, (f) => [`「${f}」须为 2–64 个字母、数字或 . _ @ -`, `${f}: 2 to 64 letters, digits or . _ @ -`]],
  [/^a clerk (account|key) is bound to at least one store$/, () => ['店员至少要绑定一家门店', 'a clerk is bound to at least one store']],
  [/^only clerk (accounts|keys) are bound to stores$/, () => ['只有店员绑定门店', 'only clerks are bound to stores']],
  [/^a channel key is bound to one channel$/, () => ['渠道密钥要绑定一个渠道', 'a channel key is bound to one channel']],
  [/^only channel keys are bound to a channel$/, () => ['只有渠道密钥绑定渠道', 'only channel keys are bound to a channel']],
  [/^only partner accounts are bound to a channel$/, () => ['只有渠道商账号绑定渠道', 'only partner accounts are bound to a channel']],
  [/^a partner account keeps its role$/, () => ['渠道商账号不能改为员工角色', 'a partner account keeps its role']],
  [/^needed to change your own password$/, (f) => [`修改自己的密码需要填写「${f}」`, `${f} is needed to change your own password`]],
  [/^not right, or too many attempts$/, (f) => [`「${f}」不正确，或尝试次数过多（请 15 分钟后再试）`, `${f} is not right, or there were too many attempts`]],
  [/^not a valid URL$/, (f) => [`「${f}」不是有效的网址`, `${f} is not a valid URL`]],
  [/^only http and https URLs/, (f) => [`「${f}」只支持 http 或 https 地址`, `${f}: only http and https URLs`]],
  [/^credentials in the URL/, (f) => [`「${f}」中不能带用户名和密码，请改用签名校验`, `${f} must not carry credentials; verify the signature instead`]],
  [/^webhooks go only to public addresses/, (f) => [`「${f}」必须是公网地址，不能是内网或本机地址`, `${f} must be a public address`]],
  [/^suppliers are reached only at public addresses/, (f) => [`「${f}」必须是公网地址，不能是内网或本机地址`, `${f} must be a public address`]],
  [/^WeChat Pay is reached only at public addresses/, (f) => [`「${f}」必须是公网地址，不能是内网或本机地址`, `${f} must be a public address`]],
  [/^only https URLs are allowed$/, (f) => [`「${f}」只支持 https 地址`, `${f}: only https URLs`]],
  [/^the API v3 key is exactly 32 characters$/, (f) => [`「${f}」（APIv3 密钥）须为 32 个字符`, `${f}: the API v3 key is exactly 32 characters`]],
  [
    /^not a usable merchant private key/,
    (f) => [`「${f}」不是可用的商户私钥（须为 2048 位以上的 RSA 私钥 PEM）`, `${f} is not a usable merchant private key (RSA, 2048 bits or more, PEM)`],
  ],
  [
    /^not a usable platform certificate or public key/,
    (f) => [`「${f}」不是可用的微信支付平台证书或公钥（无法解析或已过期）`, `${f} is not a usable platform certificate or public key (unreadable or expired)`],
  ],
  [/^on_issue batches have no codes to upload$/, (f) => [`「${f}」是发放时生成券码的批次，没有可上传的券码`, `${f}: an on-issue batch has no codes to upload`]],
  [/^no code left in the pool$/, (f) => [`「${f}」：这个批次已没有未发出的券码`, `${f}: no code of this batch is left in the pool`]],
  [
    /^codes bought from a supplier go into an imported batch/,
    (f) => [`「${f}」须为第三方卡密模板的导入批次（采购的卡密放入其中）`, `${f}: an imported batch of an external template, where the bought codes go`],
  ],
  [/^a code purchase has no account/, (f) => [`采购卡密不需要「${f}」；直充才填写充值账号`, `a code purchase has no ${f}; a top-up has`]],
  [/^a top-up needs the account/, (f) => [`直充需要填写「${f}」（手机号或会员账号）`, `a top-up needs the ${f} (a phone number or member account)`]],
  [/^a top-up goes to an account, not into a batch$/, (f) => [`直充充到账号，不需要「${f}」`, `a top-up goes to an account: no ${f}`]],
  [/^no active supplier maps this SKU$/, (f) => [`没有可用的供应商提供这个「${f}」`, `no active supplier provides this ${f}`]],
  [/^unknown event type "([^"]+)"/, (f, m) => [`「${f}」中的「${m[1]}」不是已知的事件`, `${f}: "${m[1]}" is not a known event`]],
  [/^unknown time zone/, (f) => [`「${f}」不是已知的时区（例如 Asia/Shanghai）`, `${f} is not a known time zone (e.g. Asia/Shanghai)`]],
  [/^give both or neither$/, (f) => [`「${f}」要么都填，要么都不填`, `${f}: give both or neither`]],
  [/^not above the wholesale price$/, (f) => [`「${f}」不能高于批发价`, `${f} must not be above the wholesale price`]],
  [/^name a template or a batch, not both$/, (f) => [`「${f}」请指定卡券模板或批次之一`, `${f}: name a template or a batch, not both`]],
  [/^not a pre-generated or imported batch$/, (f) => [`「${f}」必须是预生成或导入的批次`, `${f} must be a pre-generated or imported batch`]],
  [/^no batch of this template has codes in stock$/, (f) => [`「${f}」的批次都没有券码库存`, `${f}: no batch of this template has codes in stock`]],
  [/^the total is too large$/, (f) => [`「${f}」的总金额太大`, `${f}: the total is too large`]],
  [/^not the order total$/, (f) => [`「${f}」必须等于订单金额`, `${f} must be the order total`]],
  [/^no price for this template at the price level$/, (f) => [`「${f}」在这个价格等级下还没有批发价`, `${f} has no price at this price level`]],
  [/^more than the codes in stock$/, (f) => [`「${f}」超过了券码库存`, `${f} is more than the codes in stock`]],
  [/^below the floor price$/, (f) => [`「${f}」低于限价`, `${f} is below the floor price`]],
  [/^1 to 200 characters$/, (f) => [`「${f}」须为 1–200 个字符`, `${f}: 1 to 200 characters`]],
  [/^lower-case letters, digits, - and _/, (f) => [`「${f}」只能用小写字母、数字、- 和 _（2–63 位）`, `${f}: lower-case letters, digits, - and _ (2 to 63)`]],
  [/^an ISO 4217 code/, (f) => [`「${f}」应为三位币种代码，例如 CNY`, `${f}: a currency code such as CNY`]],
  [/^at most (\d+) characters$/, (f, m) => RULES.maxLength!(f, { field: f, reason: '', limit: +m[1]! })],
  [/^not a direct child of the giver$/, (f) => [`「${f}」必须是分出渠道的直属下级`, `${f} must be a direct child of the giving channel`]],
  [/^not a top-level channel$/, (f) => [`品牌直接分配只能分给一级渠道（「${f}」不是）`, `the brand allocates to top-level channels only (${f} is not one)`]],
  [/^not a sibling of the giver or below it$/, (f) => [`「${f}」必须是同级渠道或下级渠道`, `${f} must be a sibling of the giving channel or below it`]],
  [/^a partner takes back only from channels below its own$/, () => ['只能从自己下级的渠道收回', 'a partner takes back only from channels below its own']],
  [
    /^codes are made at issue in this batch/,
    () => ['这个批次在发放时生成券码，只能按数量分配配额', 'this batch makes its codes at issue: allocate a quantity'],
  ],
  [/^give one of quantity, card_ids or codes$/, () => ['数量、卡券或券码，请只填其中一项', 'give one of quantity, card ids or codes']],
  [/^listed twice$/, (f) => [`「${f}」中有重复`, `${f} lists one twice`]],
  [
    /^not all unissued and unallocated in this batch$/,
    (f) => [`「${f}」中有的不属于这个批次、已发出或已分配`, `some ${f} are not in this batch, already issued or already allocated`],
  ],
  [/^not all held by the giver$/, (f) => [`「${f}」中有的不在分出渠道手中`, `some ${f} are not held by the giving channel`]],
  [/^more than held$/, (f) => [`「${f}」超过了现有数量`, `${f} is more than is held`]],
  [/^a gift card carries a balance above 0$/, (f) => [`礼品卡的「${f}」必须大于 0`, `a gift card’s ${f} must be above 0`]],
  [/^is below initial_balance$/, (f) => [`「${f}」不能低于初始余额`, `${f} must not be below the initial balance`]],
  [
    /^external codes are delivered, never redeemed here$/,
    (f) => [`第三方卡密不在本系统核销，不能设置「${f}」`, `third-party codes are not redeemed here: leave ${f} out`],
  ],
  [
    /^is more than rules\.min_spend \((\d+)\)/,
    (f, m) => [`「${f}」不能超过最低消费 ¥${yuan(m[1]!)}`, `${f} must not be more than the minimum spend ¥${yuan(m[1]!)}`],
  ],
  [
    /^a threshold needs an amount/,
    (f) => [`这种券核销时不计金额，不能设置「${f}」（不填则每次核销都要验证）`, `${f} needs an amount; leave it out to verify every redemption`],
  ],
  [/^gift cards are transferable by definition$/, () => ['礼品卡总是可以转赠', 'gift cards are always transferable']],
  [/^from and to are both (.+)$/, (f, m) => [`「${f}」的开始和结束都是 ${m[1]}`, `${f}: from and to are both ${m[1]}`]],
  [/^give store_ids or store_tags, not both$/, () => ['可用门店和门店标签只能选一种', 'give stores or store tags, not both']],
  [/^is not after starts_at$/, (f) => [`「${f}」必须晚于生效时间`, `${f} must be after the start`]],
  [/^is already in the past$/, (f) => [`「${f}」已经过去了`, `${f} is already in the past`]],
  [/^external codes are not bound$/, (f) => [`第三方卡密不需要绑定，「${f}」不能选绑定起算`, `third-party codes are not bound: ${f} cannot start at binding`]],
  [
    /^a periodic card runs for its periods/,
    (f) => [`周期卡按期数运行，「${f}」请选不限、固定日期或领取后天数`, `a periodic card runs for its periods: choose no expiry, fixed dates or days for ${f}`],
  ],
  [/^name the cards \(card_ids\) or a search/, () => ['请选择卡券，或按搜索条件操作（二选一）', 'choose cards or a search, one of them']],
  [
    /^(an extension needs|give) to_date or days, one of them$/,
    () => ['请填写新的截止日期或延长天数（二选一）', 'give a new end date or days more, one of them'],
  ],
  [/^only an extension takes it/, (f) => [`只有延期才填写「${f}」`, `only an extension takes ${f}`]],
  [/^say why these cards are voided$/, () => ['请填写作废原因', 'say why these cards are voided']],
  [/^more than (\d+) cards match$/, (_f, m) => [`符合条件的卡券超过 ${m[1]} 张，请缩小搜索范围`, `more than ${m[1]} cards match: narrow the search`]],
  [/^at most (\d+) years from now$/, (f, m) => [`「${f}」最多到 ${m[1]} 年后`, `${f}: at most ${m[1]} years from now`]],
  [/^not later than the current expiry$/, (f) => [`「${f}」必须晚于现在的有效期`, `${f} must be later than the current expiry`]],
  [/^an? (\w+) template cannot be a stamp reward$/, (f, m) => [`${kindName(m[1]!)[0]}不能作为「${f}」`, `${kindName(m[1]!)[1]} cannot be the ${f}`]],
  [
    /^give face_value \(what one use is worth\) or card_value/,
    () => ['「每次价值」和「整卡价值」只能填一个', 'give the value per use or for the whole card, not both'],
  ],
  [/^period too long$/, (f) => [`「${f}」：查询的时段太长，请缩短`, `${f}: the period is too long; shorten it`]],
  [/^no member$/, (f) => [`没有找到这个「${f}」的会员`, `no member has this ${f}`]],
  [/^invalid$/, (f) => [`「${f}」无效`, `${f} is not valid`]],
  [
    /^an? (\w+) card holds no balance to top up$/,
    (f, m) => [`${kindName(m[1]!)[0]}没有余额，不能设置「${f}」`, `${kindName(m[1]!)[1]} holds no balance: leave ${f} out`],
  ],
  [/^(\d+) appears in two tiers$/, (f, m) => [`「${f}」¥${yuan(m[1]!)} 出现了两次`, `${f} ¥${yuan(m[1]!)} appears in two tiers`]],
  [
    /^is more than the top-up it rewards \((\d+)\)$/,
    (f, m) => [`「${f}」不能超过对应的充值金额 ¥${yuan(m[1]!)}`, `${f} must not be more than the top-up ¥${yuan(m[1]!)}`],
  ],
  [
    /^with its bonus passes value\.max_balance \((\d+)\)/,
    (f, m) => [`「${f}」加上赠送会超过最高余额 ¥${yuan(m[1]!)}，任何卡都充不进`, `${f} with its bonus passes the maximum balance ¥${yuan(m[1]!)}`],
  ],
  [/^(no such template|not found)$/, (f) => [`「${f}」：没有找到`, `${f}: not found`]],
  ...TIER_REASONS,
  [/^(a stamp card cannot reward another stamp card|stamp reward)$/, (f) => [`「${f}」不能是另一张集点卡`, `${f} cannot be another stamp card`]],
  [/^only characters of the (\w+) alphabet/, (f) => [`「${f}」只能使用所选字符集中的字符`, `${f}: only characters of the chosen alphabet`]],
  [
    /^at least (\d+) \w+ characters, so a code carries 80 bits$/,
    (f, m) => [`「${f}」至少 ${m[1]} 位，券码才不易被猜中`, `${f}: at least ${m[1]} characters, so a code cannot be guessed`],
  ],
  [
    /^external codes come from their supplier/,
    () => ['第三方卡密来自供应商，请选择「导入券码」', 'third-party codes come from their supplier: choose “imported”'],
  ],
  [/^required for a pre-generated batch$/, (f) => [`预生成批次必须填写「${f}」`, `a pre-generated batch needs ${f}`]],
  [
    /^a pre-generated batch’s stock is its quantity$/,
    (f) => [`预生成批次的库存就是数量，不用填「${f}」`, `a pre-generated batch’s stock is its quantity: leave ${f} out`],
  ],
  [/^only pre-generated batches have a quantity/, (f) => [`只有预生成批次填写「${f}」`, `only pre-generated batches have a ${f}`]],
  [
    /^an imported batch’s stock is the codes imported$/,
    (f) => [`导入批次的库存就是导入的券码，不用填「${f}」`, `an imported batch’s stock is the codes imported: leave ${f} out`],
  ],
  [/^blank entry$/, (f) => [`「${f}」里有空白项`, `${f} has a blank entry`]],
  [/^too deep$/, (f) => [`「${f}」会让渠道树超过 12 级`, `${f} would make the channel tree deeper than 12 levels`]],
  [/^cycle$/, (f) => [`「${f}」不能是这个渠道自己或它的下级渠道`, `${f} cannot be the channel itself or one below it`]],
  ...DELIVERY_REASONS,
  ...MALL_REASONS,
  ...GROWTH_REASONS,
  ...POINT_REASONS,
  ...PACK_REASONS,
  ...RISK_REASONS,
  ...VERIFY_REASONS,
];

/** One field error in words; null for a reason nothing here knows. */
export function fieldError(e: FieldError, lang: Lang): string | null {
  const f = fieldLabel(e.field, lang);
  const i = lang === 'en' ? 1 : 0;
  const byRule = e.rule ? RULES[e.rule] : undefined;
  if (byRule) return byRule(f, e)[i];
  for (const [re, say] of REASONS) {
    const m = e.reason.match(re);
    if (m) return say(f, m)[i];
  }
  return null;
}

/** Every field error, joined: 「名称」最多 200 个字符；请填写「减免金额」. */
export function fieldErrors(errors: readonly FieldError[], lang: Lang): string {
  return errors
    .map((e) => fieldError(e, lang) ?? (lang === 'en' ? `${fieldLabel(e.field, lang)}: ${e.reason}` : `「${fieldLabel(e.field, lang)}」填写有误`))
    .join(lang === 'en' ? '; ' : '；');
}
