import { Modal } from 'antd';
import type { TemplateImpact } from '../../api/types';
import { num } from '../../format';

type T = (zh: string, en: string) => string;

/** The fields of a template change, as the form names them. */
const FIELD: Record<string, [string, string]> = {
  name: ['名称', 'name'],
  description: ['说明', 'description'],
  value: ['权益内容', 'what it holds'],
  validity: ['有效期', 'validity'],
  status: ['状态', 'status'],
  'rules.weekdays': ['可用星期', 'weekdays'],
  'rules.hours': ['可用时段', 'hours'],
  'rules.store_ids': ['适用门店', 'stores'],
  'rules.store_tags': ['门店标签', 'store tags'],
  'rules.geofence': ['地理范围', 'area'],
  'rules.min_spend': ['最低消费', 'minimum spend'],
  'rules.product_ids': ['适用商品', 'products'],
  'rules.per_member_limit': ['每人限领', 'per-member limit'],
  'rules.bind_within_hours': ['绑定期限', 'bind-within hours'],
  'rules.transferable': ['可转赠', 'transferable'],
  'rules.verification': ['大额二次验证', 'second verification'],
};
const field = (t: T, f: string) => (FIELD[f] ? t(...FIELD[f]) : f);

/** What saving this change does to the cards already out, one sentence per change (the server's answer). */
export function impactLines(t: T, impact: TemplateImpact): { refused: string[]; lines: string[] } {
  const n = num(impact.cards_issued);
  const list = (effect: string) => impact.changes.filter((c) => c.effect === effect).map((c) => field(t, c.field));
  const now = list('issued_cards');
  const later = list('new_cards');
  const refused = list('refused');
  const lines: string[] = [];
  if (now.length)
    lines.push(
      t(
        `「${now.join('」「')}」的修改保存后立即对已发放的 ${n} 张卡券生效`,
        `The change to ${now.join(', ')} applies to the ${n} cards already issued as soon as it is saved`,
      ),
    );
  if (later.length)
    lines.push(
      t(
        `「${later.join('」「')}」只对之后发放的卡券生效，已发放的 ${n} 张不变`,
        `${later.join(', ')}: only cards issued from now on; the ${n} already issued keep theirs`,
      ),
    );
  return {
    refused: refused.length
      ? [
          t(
            `「${refused.join('」「')}」不能修改：此模板已有批次，请新建模板`,
            `${refused.join(', ')} cannot change once the template has a batch: create a new template`,
          ),
        ]
      : [],
    lines,
  };
}

/**
 * Before a change to a template with cards out is saved: say how many cards it touches and how, and
 * ask. Resolves true to save. A change the server would refuse is said, and not saved.
 */
export function confirmImpact(t: T, impact: TemplateImpact, name: string): Promise<boolean> {
  const { refused, lines } = impactLines(t, impact);
  if (!impact.cards_issued && !refused.length) return Promise.resolve(true);
  if (!refused.length && !lines.length) return Promise.resolve(true);
  return new Promise((resolve) => {
    const content = (
      <div data-testid="template-impact">
        <p>
          {t(
            `模板「${name}」已发放 ${num(impact.cards_issued)} 张卡券（${impact.batches} 个批次）。`,
            `Template “${name}” has ${num(impact.cards_issued)} cards issued (${impact.batches} batches).`,
          )}
        </p>
        <ul style={{ paddingInlineStart: 18 }}>
          {[...refused, ...lines].map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </div>
    );
    if (refused.length) {
      Modal.warning({ title: t('这项修改无法保存', 'This change cannot be saved'), content, okText: t('知道了', 'OK'), onOk: () => resolve(false) });
      return;
    }
    Modal.confirm({
      title: t('修改会影响已发放的卡券', 'This change affects cards already issued'),
      content,
      okText: t('确认保存', 'Save'),
      cancelText: t('再想想', 'Cancel'),
      okButtonProps: { 'data-testid': 'template-impact-ok' } as any,
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
