import type { Kind, Rules, TemplateValue, Validity } from './api/types';
import { date, money } from './format';

type T = (zh: string, en: string) => string;
const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A template's value, validity and rules in plain words 使用规则, for members, clerks and the preview. */
export function rulesInWords(t: T, kind: Kind, value: TemplateValue, validity: Validity, rules: Rules, storeName?: (id: string) => string): string[] {
  const out: string[] = [];
  switch (kind) {
    case 'cash':
      out.push(t(`立减 ${money(value.amount_off)}`, `${money(value.amount_off)} off the order`));
      break;
    case 'discount':
      out.push(
        t(
          `打 ${((100 - (value.percent_off ?? 0)) / 10).toFixed(2).replace(/\.?0+$/, '')} 折${value.max_off ? `，最多优惠 ${money(value.max_off)}` : ''}`,
          `${value.percent_off}% off${value.max_off ? `, at most ${money(value.max_off)}` : ''}`,
        ),
      );
      break;
    case 'exchange':
      out.push(t(`兑换一份「${value.product_name ?? value.sku}」`, `Exchange for one "${value.product_name ?? value.sku}"`));
      break;
    case 'count':
      out.push(t(`共 ${value.uses} 次，每次核销一次或多次`, `${value.uses} uses; each redemption takes one or more`));
      break;
    case 'periodic':
      out.push(
        t(
          `每${value.period === 'week' ? '周' : value.period === 'month' ? '月' : '季度'} ${value.uses_per_period} 次，共 ${value.periods} 期，到期自动补充`,
          `${value.uses_per_period} uses per ${value.period}, for ${value.periods} ${value.period}s, refilled on schedule`,
        ),
      );
      break;
    case 'stored_value':
      out.push(
        t(
          `储值 ${money(value.initial_balance)}，按金额扣减${value.max_balance ? `，最多可充至 ${money(value.max_balance)}` : ''}`,
          `${money(value.initial_balance)} stored value, spent by amount${value.max_balance ? `; top-ups up to ${money(value.max_balance)}` : ''}`,
        ),
      );
      break;
    case 'gift':
      out.push(
        t(
          `礼品卡面值 ${money(value.initial_balance)}，可转赠，凭卡号与密码使用`,
          `Gift card worth ${money(value.initial_balance)}; transferable; used with its number and PIN`,
        ),
      );
      break;
    case 'stamp':
      out.push(t(`集满 ${value.goal} 点获得奖励券`, `Collect ${value.goal} stamps to earn a reward`));
      break;
    case 'external':
      out.push(
        t(
          `${value.supplier} 提供的「${value.product_name}」卡密，到对方平台兑换`,
          `A ${value.supplier} code for "${value.product_name}", redeemed on their platform`,
        ),
      );
      break;
  }
  if (validity.type === 'fixed')
    out.push(
      t(
        `有效期 ${validity.starts_at ? date(validity.starts_at) : '发放起'} 至 ${date(validity.ends_at)}`,
        `Valid ${validity.starts_at ? `from ${date(validity.starts_at)} ` : ''}until ${date(validity.ends_at)}`,
      ),
    );
  if (validity.type === 'relative')
    out.push(
      t(
        `${validity.from === 'bind' ? '绑定' : '发放'}后 ${validity.days} 天内有效`,
        `Valid for ${validity.days} days after ${validity.from === 'bind' ? 'binding' : 'issue'}`,
      ),
    );
  if (validity.type === 'period_end')
    out.push(
      t(
        `当${validity.unit === 'week' ? '周' : validity.unit === 'month' ? '月' : validity.unit === 'quarter' ? '季度' : '年'}底前有效`,
        `Valid until the end of the ${validity.unit}`,
      ),
    );
  if (validity.type === 'none') out.push(t('长期有效', 'No expiry'));
  if (rules.min_spend) out.push(t(`满 ${money(rules.min_spend)} 可用`, `Orders of ${money(rules.min_spend)} or more`));
  if (rules.weekdays?.length && rules.weekdays.length < 7)
    out.push(t(`仅限周${rules.weekdays.map((d) => WEEKDAYS_ZH[d - 1]).join('、')}`, `Only on ${rules.weekdays.map((d) => WEEKDAYS_EN[d - 1]).join(', ')}`));
  if (rules.hours?.length)
    out.push(t(`使用时段 ${rules.hours.map((h) => `${h.from}–${h.to}`).join('、')}`, `Hours ${rules.hours.map((h) => `${h.from}–${h.to}`).join(', ')}`));
  if (rules.store_ids?.length)
    out.push(
      t(`限指定门店：${rules.store_ids.map((s) => storeName?.(s) ?? s).join('、')}`, `Only at: ${rules.store_ids.map((s) => storeName?.(s) ?? s).join(', ')}`),
    );
  if (rules.store_tags?.length) out.push(t(`限标签为 ${rules.store_tags.join('、')} 的门店`, `Only at stores tagged ${rules.store_tags.join(', ')}`));
  if (rules.geofence) out.push(t(`限门店 ${rules.geofence.radius_m} 米范围内使用`, `Within ${rules.geofence.radius_m} m of the set point`));
  if (rules.product_ids?.length) out.push(t(`限指定商品：${rules.product_ids.join('、')}`, `Only for products: ${rules.product_ids.join(', ')}`));
  if (rules.per_member_limit) out.push(t(`每位会员限领 ${rules.per_member_limit} 张`, `At most ${rules.per_member_limit} per member`));
  if (rules.bind_within_hours)
    out.push(t(`发放后 ${rules.bind_within_hours} 小时内未绑定将失效`, `Lapses if not bound within ${rules.bind_within_hours} hours`));
  if (rules.transferable || kind === 'gift') {
    if (kind !== 'gift') out.push(t('可转赠好友', 'Can be given to a friend'));
  }
  if (rules.verification)
    out.push(
      t(
        rules.verification.threshold ? `单笔 ${money(rules.verification.threshold)} 及以上需二次验证` : '每次核销需二次验证',
        rules.verification.threshold
          ? `Redemptions of ${money(rules.verification.threshold)} or more need a second verification`
          : 'Every redemption needs a second verification',
      ),
    );
  return out;
}
