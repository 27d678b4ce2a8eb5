/** The hand-written reasons of 卡密交付 (deliveries/) and of an exported audit head, worded for the person at the form (fields.ts). */
export const DELIVERY_REASONS: [RegExp, (f: string, m: RegExpMatchArray) => readonly [string, string]][] = [
  [/^this head was exported for another tenant$/, (f) => [`「${f}」属于另一个商户`, `${f} was exported for another tenant`]],
  [
    /^(not valid JSON|give the head as|seal must be|mac must be|tenant_id must be|entries must be)/,
    (f) => [`「${f}」的格式不对`, `${f} is not in the right format`],
  ],
  // deliveries 卡密交付
  [/^no cards to deliver$/, () => ['请选择要交付的卡券', 'choose the cards to deliver']],
  [
    /^too many cards$/,
    () => ['一次交付的卡券太多（最多 10,000 张），请分几次交付', 'too many cards for one delivery (at most 10,000); deliver them in several'],
  ],
  [/^a card is named twice$/, () => ['同一张卡券被选了两次', 'a card is chosen twice']],
  [/^reference_type and reference_id go together$/, () => ['关联单据类型和单据号要一起填写', 'reference type and reference id go together']],
  [/^only a link delivery takes it$/, (f) => [`只有下载链接方式才能设置「${f}」`, `only a link delivery takes ${f}`]],
  [
    /^name card_ids, export or order, one of them$/,
    () => ['请选择卡券、一次导出记录或一张批发订单（三选一）', 'choose the cards, a batch export or a wholesale order, one of them'],
  ],
];
