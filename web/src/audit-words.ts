import { money, time } from './format';

/**
 * The audit log in words 审计日志文案: each action key named in Chinese and English, and each entry's
 * details as a sentence with names (核销 满100减20 •••• 8K2Q，于 南京西路店，订单 ¥120.00) or, for
 * what a sentence leaves out, a list of labelled values — never the raw JSON. Names come from the
 * server (`actor_name`, `target_name`, `names`). Pure: `src/web/audit-words.test.ts` checks that
 * every action the server audits has a label here.
 */
type T = (zh: string, en: string) => string;
export interface AuditLike {
  action: string;
  actor: string;
  actor_name?: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name?: string | null;
  data: unknown;
  names?: Record<string, string>;
}

export const ACTIONS: Record<string, readonly [string, string]> = {
  'tenant.create': ['开通商户', 'Tenant created'],
  'tenant.update': ['修改商户设置', 'Tenant settings changed'],
  'tenant.disable': ['停用商户', 'Tenant disabled'],
  'tenant.enable': ['启用商户', 'Tenant enabled'],
  'api_key.create': ['新建 API 密钥', 'API key created'],
  'api_key.revoke': ['吊销 API 密钥', 'API key revoked'],
  'operator.create': ['新建运营账号', 'Account created'],
  'operator.update': ['修改运营账号', 'Account changed'],
  'operator.password': ['修改密码', 'Password changed'],
  'operator.disable': ['停用账号', 'Account disabled'],
  'operator.enable': ['启用账号', 'Account enabled'],
  'session.create': ['登录', 'Signed in'],
  'session.revoke': ['退出登录', 'Signed out'],
  'store.create': ['新建门店', 'Store created'],
  'store.update': ['修改门店', 'Store changed'],
  'channel.create': ['新建渠道', 'Channel created'],
  'channel.update': ['修改渠道', 'Channel changed'],
  'wholesale.price_set': ['设置批发价格', 'Wholesale price set'],
  'wholesale.price_delete': ['删除批发价格', 'Wholesale price removed'],
  'buyer.create': ['新建企业客户', 'Buyer created'],
  'buyer.update': ['修改企业客户', 'Buyer changed'],
  'buyer.recharge': ['预存款充值', 'Prepaid balance recharged'],
  'wholesale_order.create': ['新建批发订单', 'Wholesale order created'],
  'wholesale_order.confirm': ['确认批发订单', 'Wholesale order confirmed'],
  'wholesale_order.pay': ['批发订单付款', 'Wholesale order paid'],
  'wholesale_order.cancel': ['取消批发订单', 'Wholesale order cancelled'],
  'wholesale_order.refund': ['批发订单退款', 'Wholesale order refunded'],
  'wholesale_order.fulfil': ['批发订单履约', 'Wholesale order fulfilled'],
  'wholesale_order.deliver': ['批发订单已交付', 'Wholesale order delivered'],
  'leakage.handle': ['处理窜货预警', 'Leakage alert handled'],
  'review.approve': ['人工审核通过', 'Review approved'],
  'risk_rule.create': ['新建风控规则', 'Risk rule created'],
  'risk_rule.update': ['修改风控规则', 'Risk rule changed'],
  'risk_list.add': ['加入风控名单', 'Added to a risk list'],
  'risk_list.remove': ['移出风控名单', 'Removed from a risk list'],
  'otp.resend': ['重新发送短信验证码', 'One-time code sent again'],
  'settings.sms': ['修改短信设置', 'SMS settings changed'],
  'passes.apple_settings': ['设置 Apple 钱包证书', 'Apple Wallet certificate set'],
  'passes.google_settings': ['设置 Google 钱包账号', 'Google Wallet account set'],
  'template.pass_style': ['修改卡包样式', 'Wallet pass look changed'],
  'card.pass_apple': ['生成 Apple 钱包卡券（含券码）', 'Apple Wallet pass made (shows the code)'],
  'card.pass_google': ['生成 Google 钱包链接（含券码）', 'Google Wallet link made (shows the code)'],
  'wechatpay.settings': ['修改微信支付商户设置', 'WeChat Pay settings changed'],
  'wechatpay.mirror': ['镜像到微信支付商家券', 'Mirrored to WeChat Pay coupons'],
  'wechatpay.reconcile': ['微信商家券对账', 'WeChat Pay coupons reconciled'],
  'review.reject': ['人工审核驳回', 'Review rejected'],
  'allocation.grant': ['渠道分配', 'Allocated to a channel'],
  'order.place': ['订单接入', 'Order placed'],
  'order.refund': ['订单退款', 'Order refunded'],
  'member.activity': ['会员行为', 'Member activity'],
  'points.adjust': ['积分手动调整', 'Points adjusted'],
  'points.rule_create': ['新建积分规则', 'Earning rule created'],
  'points.rule_update': ['修改积分规则', 'Earning rule changed'],
  'points.settings': ['修改积分设置', 'Points settings changed'],
  'points.template_earning': ['设置核销得积分', 'Redemption earning set'],
  'allocation.revoke': ['收回分配', 'Allocation taken back'],
  'allocation.transfer': ['配额调拨', 'Holding moved'],
  'tier.ladder': ['设置会员等级', 'Tiers set'],
  'tier.settings': ['设置降级策略', 'Tier policy set'],
  'tier.set': ['手动调整会员等级', 'Member tier set by hand'],
  'tier.benefit_create': ['添加等级权益', 'Tier benefit added'],
  'tier.benefit_stop': ['停止等级权益', 'Tier benefit stopped'],
  'statement.compute': ['计算对账单', 'Statement computed'],
  'statement.close': ['对账单结账', 'Statement closed'],
  'settlement_rate.set': ['设置佣金费率', 'Commission rate set'],
  'pack.create': ['新建权益礼包', 'Pack created'],
  'pack.update': ['修改权益礼包', 'Pack changed'],
  'pack.publish': ['发布权益礼包', 'Pack published'],
  'pack.retire': ['停用权益礼包', 'Pack retired'],
  'pack.version': ['新建礼包版本', 'Pack version made'],
  'pack.grant': ['发放权益礼包', 'Pack granted'],
  'member.create': ['新建会员', 'Member created'],
  'member.update': ['修改会员资料', 'Member changed'],
  'member.wallet_link': ['生成钱包链接', 'Wallet link made'],
  'member.wallet_links_revoked': ['作废钱包链接', 'Wallet links revoked'],
  'template.create': ['新建模板', 'Template created'],
  'template.update': ['修改模板', 'Template changed'],
  'batch.create': ['新建批次', 'Batch created'],
  'batch.pause': ['暂停生成', 'Generation paused'],
  'batch.resume': ['继续生成', 'Generation resumed'],
  'batch.export': ['导出券码', 'Codes exported'],
  'batch.export_refetch': ['重新下载导出文件', 'Export downloaded again'],
  'delivery.create': ['创建卡密交付', 'Delivery created'],
  'delivery.revoke': ['撤销卡密交付', 'Delivery revoked'],
  'delivery.file_fetch': ['下载交付的加密文件', 'Delivery file downloaded'],
  'delivery.download': ['收件人通过链接下载卡密', 'Codes downloaded through the link'],
  'delivery.download_refused': ['拒绝链接下载（过期、次数用完或已撤销）', 'Link download refused (expired, used up or revoked)'],
  'batch.import': ['导入券码', 'Codes imported'],
  'card.issue': ['发放卡券', 'Card issued'],
  'card.bind': ['绑定卡券', 'Card bound'],
  'card.redeem': ['核销', 'Redeemed'],
  'card.reverse': ['撤销核销', 'Redemption reversed'],
  'card.approve': ['批准高额核销', 'High-value redemption approved'],
  'card.reveal': ['查看券码', 'Code revealed'],
  'card.freeze': ['冻结卡券', 'Card frozen'],
  'card.unfreeze': ['解冻卡券', 'Card unfrozen'],
  'card.void': ['作废卡券', 'Card voided'],
  'card.top_up': ['充值', 'Topped up'],
  'card.transfer': ['转赠卡券', 'Card transferred'],
  'card.extend': ['延长有效期', 'Expiry extended'],
  'card.bulk': ['批量操作', 'Bulk action'],
  'wallet.bind': ['会员绑定卡券', 'Member added a card'],
  'wallet.gift': ['会员转赠卡券', 'Member gave a card'],
  'wallet.gift_offer': ['会员发起转赠', 'Gift offered'],
  'wallet.gift_accept': ['好友领取转赠', 'Gift accepted'],
  'wallet.gift_cancel': ['会员取消转赠', 'Gift cancelled'],
  'webhook_endpoint.create': ['新建 Webhook 端点', 'Webhook endpoint created'],
  'webhook_endpoint.update': ['修改 Webhook 端点', 'Webhook endpoint changed'],
  'webhook_endpoint.delete': ['删除 Webhook 端点', 'Webhook endpoint deleted'],
  'webhook_endpoint.rotate_secret': ['更换签名密钥', 'Signing secret rotated'],
  'webhook_endpoint.test': ['发送测试回调', 'Test delivery sent'],
  'webhook_delivery.resend': ['重新投递回调', 'Delivery resent'],
  'supplier.create': ['新建供应商', 'Supplier added'],
  'supplier.update': ['修改供应商', 'Supplier changed'],
  'supplier.map_sku': ['设置供应商商品映射', 'Supplier SKU mapped'],
  'supplier.sync': ['同步供应商库存价格', 'Supplier stock and price synced'],
  'supplier_order.create': ['向供应商下单', 'Supplier order placed'],
  'mall.item_create': ['新建积分商城商品', 'Mall item created'],
  'mall.item_update': ['修改积分商城商品', 'Mall item changed'],
  'mall.item_publish': ['商品上架', 'Mall item published'],
  'mall.item_archive': ['商品下架', 'Mall item taken off the shelf'],
  'mall.exchange': ['积分兑换', 'Exchanged in the points mall'],
  'mall.refund': ['积分兑换退款', 'Mall exchange refunded'],
  'mall.settings': ['修改积分商城设置', 'Mall settings changed'],
  'group.campaign_create': ['新建组团活动', 'Group campaign created'],
  'group.campaign_update': ['修改组团活动', 'Group campaign changed'],
  'group.campaign_publish': ['发布组团活动', 'Group campaign published'],
  'group.campaign_pause': ['暂停组团活动', 'Group campaign paused'],
  'group.start': ['开团', 'Group started'],
  'group.join': ['参团', 'Joined a group'],
  'campaign.create': ['新建领券活动', 'Campaign created'],
  'campaign.update': ['修改领券活动', 'Campaign changed'],
  'campaign.publish': ['活动上线', 'Campaign published'],
  'campaign.pause': ['活动暂停', 'Campaign paused'],
  'campaign.end': ['活动结束', 'Campaign ended'],
  'campaign.claim': ['领取活动卡券', 'Campaign claimed'],
  'campaign.share': ['生成分享链接', 'Share link made'],
  'campaign.share_claim': ['好友分享领券', 'Claimed through a share link'],
  'segment.create': ['新建人群', 'Segment created'],
  'segment.update': ['修改人群', 'Segment changed'],
  'segment.delete': ['删除人群', 'Segment deleted'],
  'segment.tag': ['给会员打标签', 'Member tagged'],
  'segment.untag': ['去掉会员标签', 'Member tag removed'],
  'segment.tag_import': ['导入会员标签', 'Member tags imported'],
  'referral.campaign_create': ['新建邀请有礼活动', 'Referral campaign created'],
  'referral.campaign_update': ['修改邀请有礼活动', 'Referral campaign changed'],
  'referral.campaign_publish': ['邀请有礼活动上线', 'Referral campaign live'],
  'referral.campaign_pause': ['暂停邀请有礼活动', 'Referral campaign paused'],
  'referral.join': ['填写邀请码', 'Joined with a referral code'],
  'task.checkin_settings': ['修改签到设置', 'Check-in settings changed'],
  'task.checkin': ['签到', 'Checked in'],
  'task.create': ['新建任务', 'Task created'],
  'task.update': ['修改任务', 'Task changed'],
  'automation_rule.create': ['新建自动化规则', 'Automation rule created'],
  'automation_rule.update': ['修改自动化规则', 'Automation rule changed'],
  'automation_rule.delete': ['删除自动化规则', 'Automation rule deleted'],
  'automation_rule.enable': ['启用自动化规则', 'Automation rule enabled'],
  'automation_rule.pause': ['暂停自动化规则', 'Automation rule paused'],
};

const AREAS: Record<string, readonly [string, string]> = {
  tenant: ['商户', 'Tenant'],
  api_key: ['API 密钥', 'API key'],
  operator: ['账号', 'Account'],
  session: ['登录', 'Sign-in'],
  store: ['门店', 'Store'],
  channel: ['渠道', 'Channel'],
  buyer: ['企业客户', 'Buyer'],
  wholesale_order: ['批发订单', 'Wholesale order'],
  allocation: ['渠道分配', 'Allocation'],
  member: ['会员', 'Member'],
  template: ['模板', 'Template'],
  batch: ['批次', 'Batch'],
  card: ['卡券', 'Card'],
  wallet: ['会员钱包', 'Wallet'],
  webhook_endpoint: ['Webhook 端点', 'Webhook endpoint'],
  supplier: ['供应商', 'Supplier'],
  supplier_order: ['供应商订单', 'Supplier order'],
  webhook_delivery: ['Webhook 投递', 'Webhook delivery'],
  mall: ['积分商城', 'Points mall'],
  mall_item: ['积分商城商品', 'Mall item'],
  mall_exchange: ['积分兑换', 'Mall exchange'],
  group: ['组团', 'Group'],
  group_campaign: ['组团活动', 'Group campaign'],
  campaign: ['领券活动', 'Campaign'],
  campaign_claim: ['活动领取', 'Campaign claim'],
  campaign_share: ['分享链接', 'Share link'],
  segment: ['人群', 'Segment'],
  referral_campaign: ['邀请有礼活动', 'Referral campaign'],
  referral: ['邀请', 'Referral'],
  checkin: ['签到', 'Check-in'],
  task: ['任务', 'Task'],
  automation_rule: ['自动化规则', 'Automation rule'],
};

/** An action's name; one not in the table yet is named by its area (卡券操作), never by its key. */
export function actionLabel(t: T, action: string): string {
  const known = ACTIONS[action];
  if (known) return t(...known);
  const area = AREAS[action.split('.')[0] ?? ''];
  return area ? t(`${area[0]}操作`, `${area[1]} action`) : t('其他操作', 'Other action');
}

/** The fields a request may carry, named for people; their values are shown by name or as money. */
const FIELDS: Record<string, readonly [string, string, 'money' | 'id' | 'text']> = {
  store_id: ['门店', 'Store', 'id'],
  member_id: ['会员', 'Member', 'id'],
  to_member_id: ['转赠给', 'Given to', 'id'],
  batch_id: ['批次', 'Batch', 'id'],
  template_id: ['模板', 'Template', 'id'],
  channel_id: ['渠道', 'Channel', 'id'],
  parent_id: ['上级渠道', 'Parent channel', 'id'],
  from_channel_id: ['分出渠道', 'From channel', 'id'],
  to_channel_id: ['分给渠道', 'To channel', 'id'],
  card_id: ['卡券', 'Card', 'id'],
  order_amount: ['订单金额', 'Order', 'money'],
  amount: ['金额', 'Amount', 'money'],
  max_amount: ['最高金额', 'Up to', 'money'],
  uses: ['次数', 'Uses', 'text'],
  stamps: ['点数', 'Stamps', 'text'],
  reason: ['原因', 'Reason', 'text'],
  name: ['名称', 'Name', 'text'],
  display_name: ['显示名', 'Display name', 'text'],
  username: ['用户名', 'Username', 'text'],
  role: ['角色', 'Role', 'text'],
  url: ['地址', 'URL', 'text'],
  mode: ['方式', 'Mode', 'text'],
  quantity: ['数量', 'Quantity', 'text'],
  stock: ['库存', 'Stock', 'text'],
  limit: ['数量上限', 'At most', 'text'],
  accepted: ['接受', 'Accepted', 'text'],
  codes: ['券码数', 'Codes', 'text'],
  exported_at: ['导出时间', 'Exported at', 'text'],
  refused: ['拒绝', 'Refused', 'text'],
  ip: ['IP 地址', 'IP address', 'text'],
  status: ['状态', 'Status', 'text'],
  ttl_hours: ['有效小时数', 'Valid hours', 'text'],
  to_date: ['有效期至', 'Valid through', 'text'],
  days: ['天数', 'Days', 'text'],
  action: ['操作', 'Action', 'text'],
  card_ids: ['卡券', 'Cards', 'text'],
  filter: ['筛选条件', 'Filter', 'text'],
};
const CHANGED: Record<string, readonly [string, string]> = {
  name: ['名称', 'name'],
  description: ['说明', 'description'],
  value: ['权益内容', 'what it holds'],
  validity: ['有效期', 'validity'],
  rules: ['使用规则', 'rules'],
  status: ['状态', 'status'],
  phone: ['手机号', 'phone'],
  birthday: ['生日', 'birthday'],
  tier: ['等级', 'tier'],
  external_id: ['会员编号', 'CRM number'],
  code: ['编码', 'code'],
  tags: ['标签', 'tags'],
  time_zone: ['时区', 'time zone'],
  lat: ['位置', 'location'],
  event_types: ['订阅事件', 'events'],
  active: ['启用状态', 'active'],
  role: ['角色', 'role'],
  store_ids: ['门店', 'stores'],
  parent_id: ['上级渠道', 'parent channel'],
  regions: ['销售区域', 'regions'],
  price_level: ['价格等级', 'price level'],
  display_name: ['显示名', 'display name'],
  disabled: ['停用', 'disabled'],
  // inside a template's value, validity and rules
  min_spend: ['最低消费', 'minimum spend'],
  weekdays: ['可用星期', 'weekdays'],
  hours: ['可用时段', 'hours'],
  store_tags: ['门店标签', 'store tags'],
  geofence: ['地理范围', 'area'],
  product_ids: ['适用商品', 'products'],
  per_member_limit: ['每人限领', 'per-member limit'],
  bind_within_hours: ['绑定期限', 'bind within'],
  transferable: ['可转赠', 'transferable'],
  verification: ['二次验证', 'verification'],
  amount_off: ['减免金额', 'amount off'],
  percent_off: ['优惠比例', 'percent off'],
  max_off: ['最高优惠', 'cap'],
  initial_balance: ['面值', 'balance'],
  max_balance: ['余额上限', 'balance cap'],
  uses: ['次数', 'uses'],
  uses_per_period: ['每期次数', 'uses per period'],
  periods: ['期数', 'periods'],
  goal: ['集满点数', 'goal'],
  days: ['天数', 'days'],
  type: ['类型', 'type'],
};

const BULK: Record<string, readonly [string, string]> = {
  freeze: ['冻结', 'Froze'],
  unfreeze: ['解冻', 'Unfroze'],
  void: ['作废', 'Voided'],
  extend: ['延长有效期', 'Extended'],
};
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const short = (id: string) => (id.length > 14 ? `${id.slice(0, id.indexOf('_') + 1)}…${id.slice(-4)}` : id);

/** Each labelled value an entry carries (its request and its outcome), ids by name: the details list. */
export function auditFacts(t: T, e: AuditLike, currency = 'CNY'): { label: string; value: string }[] {
  const d = obj(e.data);
  const flat = { ...obj(d.params), ...obj(d.body), ...Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'params' && k !== 'body')) };
  const out: { label: string; value: string }[] = [];
  for (const [k, v] of Object.entries(flat)) {
    if (v === null || v === undefined || k === 'id' || k === 'request_no') continue;
    const f = FIELDS[k];
    const value =
      f?.[2] === 'money' && typeof v === 'number'
        ? money(v, currency)
        : typeof v === 'string'
          ? v === '[redacted]'
            ? t('（已隐去）', '(hidden)')
            : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)
              ? time(v)
              : (e.names?.[v] ?? (/^[a-z]{2,5}_[0-9a-z]{26}$/.test(v) ? short(v) : v))
          : typeof v === 'boolean'
            ? v
              ? t('是', 'yes')
              : t('否', 'no')
            : Array.isArray(v)
              ? v.map((x) => (typeof x === 'string' ? (e.names?.[x] ?? x) : JSON.stringify(x))).join(t('、', ', '))
              : typeof v === 'object'
                ? Object.keys(v as object)
                    .map((x) => (CHANGED[x] ? t(...CHANGED[x]) : x))
                    .join(t('、', ', '))
                : String(v);
    out.push({ label: f ? t(f[0], f[1]) : CHANGED[k] ? t(...CHANGED[k]) : k, value });
  }
  return out;
}

/** An entry as one sentence with names: what was done, to what, where. */
export function auditSentence(t: T, e: AuditLike, currency = 'CNY'): string {
  const d = obj(e.data);
  const body = obj(d.body);
  const params = obj(d.params);
  const n = (id: unknown) => (typeof id === 'string' && id ? (e.names?.[id] ?? short(id)) : '');
  const target = e.target_name ?? (e.target_id ? short(e.target_id) : '');
  const m = (v: unknown) => (typeof v === 'number' ? money(v, currency) : '');
  const parts = (...xs: (string | false | null | undefined)[]) => xs.filter(Boolean).join(t('，', ', '));
  const reason = typeof body.reason === 'string' && body.reason ? t(`原因：${body.reason}`, `reason: ${body.reason}`) : '';
  const changed = Object.keys(body)
    .filter((k) => k !== 'request_no')
    .map((k) => (CHANGED[k] ? t(...CHANGED[k]) : k))
    .join(t('、', ', '));
  switch (e.action) {
    case 'card.redeem':
      return parts(
        t(`核销 ${target}`, `Redeemed ${target}`),
        body.store_id ? t(`于 ${n(body.store_id)}`, `at ${n(body.store_id)}`) : '',
        typeof body.amount === 'number' && t(`扣减 ${m(body.amount)}`, `took ${m(body.amount)}`),
        typeof body.uses === 'number' && t(`${body.uses} 次`, `${body.uses} use(s)`),
        typeof body.order_amount === 'number' && t(`订单 ${m(body.order_amount)}`, `order ${m(body.order_amount)}`),
      );
    case 'card.reverse':
      return parts(t(`撤销核销 ${target}`, `Reversed the redemption of ${target}`), reason);
    case 'card.issue':
      return parts(
        body.member_id
          ? t(`发放 ${target} 给 ${n(body.member_id)}`, `Issued ${target} to ${n(body.member_id)}`)
          : t(`发放 ${target}（不记名）`, `Issued ${target} (bearer)`),
        !!body.batch_id && t(`批次「${n(body.batch_id)}」`, `batch “${n(body.batch_id)}”`),
        !!body.channel_id && t(`渠道「${n(body.channel_id)}」`, `channel “${n(body.channel_id)}”`),
      );
    case 'card.bind':
      return t(`把 ${target} 绑定到 ${n(body.member_id)}`, `Bound ${target} to ${n(body.member_id)}`);
    case 'card.approve':
      return parts(
        t(`批准 ${n(params.id)} 的一笔高额核销`, `Approved one high-value redemption of ${n(params.id)}`),
        typeof body.max_amount === 'number' && t(`最高 ${m(body.max_amount)}`, `up to ${m(body.max_amount)}`),
      );
    case 'review.approve':
      return t(`通过人工审核 ${n(params.id)}`, `Approved review ${n(params.id)}`);
    case 'review.reject':
      return parts(t(`驳回人工审核 ${n(params.id)}`, `Rejected review ${n(params.id)}`), reason);
    case 'card.reveal':
      return t(`查看 ${target} 的券码`, `Revealed the code of ${target}`);
    case 'card.freeze':
      return parts(t(`冻结 ${target}`, `Froze ${target}`), reason);
    case 'card.unfreeze':
      return t(`解冻 ${target}`, `Unfroze ${target}`);
    case 'card.void':
      return parts(t(`作废 ${target}`, `Voided ${target}`), reason);
    case 'card.top_up':
      return t(`为 ${target} 充值 ${m(body.amount)}`, `Topped up ${target} by ${m(body.amount)}`);
    case 'card.transfer':
      return t(`把 ${target} 转赠给 ${n(body.to_member_id)}`, `Gave ${target} to ${n(body.to_member_id)}`);
    case 'card.extend':
      return typeof body.to_date === 'string'
        ? t(`延长 ${target} 的有效期至 ${body.to_date}`, `Extended ${target} through ${body.to_date}`)
        : t(`延长 ${target} 的有效期 ${body.days ?? ''} 天`, `Extended ${target} by ${body.days ?? ''} days`);
    case 'card.bulk': {
      const verb = BULK[String(body.action)] ?? [String(body.action), String(body.action)];
      const n = Array.isArray(body.card_ids) ? body.card_ids.length : null;
      return n !== null
        ? t(`批量${verb[0]} ${n} 张选中的卡券`, `${verb[1]} ${n} selected cards`)
        : t(`批量${verb[0]}符合筛选条件的卡券`, `${verb[1]} every card matching a search`);
    }
    case 'wallet.gift_offer':
      return t(`会员发起转赠 ${n(params.id)}，等待好友领取`, `The member offered ${n(params.id)} to a friend`);
    case 'wallet.gift_accept':
      return t('好友在钱包中领取了转赠的卡券', 'A friend accepted a gift in their wallet');
    case 'wallet.gift_cancel':
      return t('会员取消了转赠，卡券回到自己的钱包', 'The member took a gift back');
    case 'wallet.bind':
      return t(`会员在钱包中绑定 ${target}`, `The member added ${target} in the wallet`);
    case 'wallet.gift':
      return t(`会员把 ${target} 转赠给好友`, `The member gave ${target} to a friend`);
    case 'template.create':
      return t(`新建模板「${target}」`, `Created the template “${target}”`);
    case 'template.update':
      if (body.status === 'archived') return t(`归档模板「${target}」`, `Archived the template “${target}”`);
      if (body.status === 'active' && Object.keys(body).length === 1) return t(`重新启用模板「${target}」`, `Restored the template “${target}”`);
      return t(`修改模板「${target}」：${changed}`, `Changed the template “${target}”: ${changed}`);
    case 'batch.create':
      return parts(
        t(`为模板「${n(body.template_id)}」新建批次「${target}」`, `Created the batch “${target}” of “${n(body.template_id)}”`),
        typeof body.quantity === 'number' && t(`预生成 ${body.quantity} 个券码`, `${body.quantity} codes to generate`),
        typeof body.stock === 'number' && t(`库存 ${body.stock}`, `stock ${body.stock}`),
      );
    case 'batch.pause':
      return t(`暂停生成批次「${target}」`, `Paused the generation of “${target}”`);
    case 'batch.resume':
      return t(`继续生成批次「${target}」`, `Resumed the generation of “${target}”`);
    case 'batch.export':
      return parts(
        t(`导出批次「${target}」的券码`, `Exported codes of “${target}”`),
        typeof d.limit === 'number' && t(`最多 ${d.limit} 个`, `at most ${d.limit}`),
        !!d.channel_id && t(`给渠道「${n(d.channel_id)}」`, `for channel “${n(d.channel_id)}”`),
        d.reissue === true && t('重新导出已发出的券码', 'codes already out, again'),
      );
    case 'batch.export_refetch':
      return t(
        `重新下载批次「${target}」的导出文件${typeof d.codes === 'number' ? `（${d.codes} 个券码）` : ''}`,
        `Downloaded the export of “${target}” again${typeof d.codes === 'number' ? ` (${d.codes} codes)` : ''}`,
      );
    case 'batch.import':
      return t(
        `向批次「${n(params.id)}」导入券码：接受 ${d.accepted ?? 0} 行，拒绝 ${d.refused ?? 0} 行`,
        `Imported codes into “${n(params.id)}”: ${d.accepted ?? 0} accepted, ${d.refused ?? 0} refused`,
      );
    case 'member.create':
      return t(`新建会员 ${target}`, `Created the member ${target}`);
    case 'member.update':
      return t(`修改会员 ${target} 的资料：${changed}`, `Changed ${target}: ${changed}`);
    case 'member.wallet_link':
      return t(`为会员 ${target} 生成钱包链接`, `Made a wallet link for ${target}`);
    case 'member.wallet_links_revoked':
      return t(`作废会员 ${target} 此前的全部钱包链接`, `Revoked every earlier wallet link of ${target}`);
    case 'store.create':
      return t(`新建门店「${target}」`, `Created the store “${target}”`);
    case 'store.update':
      return t(`修改门店「${target}」：${changed}`, `Changed the store “${target}”: ${changed}`);
    case 'channel.create':
      return t(`新建渠道「${target || String(body.name ?? '')}」`, `Created the channel “${target || String(body.name ?? '')}”`);
    case 'channel.update':
      return t(`修改渠道「${target}」：${changed}`, `Changed the channel “${target}”: ${changed}`);
    case 'session.create':
      return t('登录运营后台', 'Signed in');
    case 'session.revoke':
      return t('退出登录', 'Signed out');
    case 'webhook_endpoint.create':
      return t(`新建 Webhook 端点 ${target || String(body.url ?? '')}`, `Created the webhook endpoint ${target || String(body.url ?? '')}`);
    case 'webhook_endpoint.test':
      return t('向端点发送一次测试回调', 'Sent a test delivery to the endpoint');
    case 'webhook_delivery.resend':
      return t('重新投递一次回调', 'Resent a delivery');
    default: {
      const what = target ? t(`${actionLabel(t, e.action)}「${target}」`, `${actionLabel(t, e.action)}: “${target}”`) : actionLabel(t, e.action);
      return e.action.endsWith('.update') && changed ? t(`${what}：${changed}`, `${what} (${changed})`) : what;
    }
  }
}
