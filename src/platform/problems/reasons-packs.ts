/** Reasons the benefit packs' checks give (src/modules/packs), in words: spread into REASONS (fields.ts). */
export const PACK_REASONS: [RegExp, (f: string, m: RegExpMatchArray) => readonly [string, string]][] = [
  [/^must not be blank$/, (f) => [`「${f}」不能为空`, `${f} must not be blank`]],
  [/^at least (\d+)$/, (f, m) => [`「${f}」至少为 ${m[1]}`, `${f} must be at least ${m[1]}`]],
  [/^at least one item$/, (f) => [`「${f}」至少要有一项卡券`, `${f} needs at least one item`]],
  [/^fixed once published$/, (f) => [`礼包发布后「${f}」不能修改，请创建新版本`, `${f} is fixed once the pack is published; make a new version`]],
  [/^(no stock|every prize sold out)$/, () => ['奖品已全部发完', 'every prize is gone']],
  [/^not live$/, () => ['礼包还没有发布或已经停用', 'the pack is not live']],
  [/^the template is archived$/, (f) => [`「${f}」的模板已归档，不能再发放`, `the template of ${f} is archived`]],
  [/^a fixed pack has items, not prizes$/, () => ['固定礼包只有卡券清单，没有奖品', 'a fixed pack has items, not prizes']],
  [/^only a random pack has a guarantee$/, () => ['只有盲盒才能设置保底', 'only a random pack has a guarantee']],
  [/^a random pack gives its prizes’ items, not items of its own$/, () => ['盲盒的卡券写在各个奖品里', 'a random pack gives its prizes’ items']],
  [/^a random pack needs at least one prize$/, () => ['盲盒至少要有一个奖品', 'a random pack needs at least one prize']],
  [/^at least 1 basis point$/, (f) => [`「${f}」至少为 1 个万分点（0.01%）`, `${f} must be at least 1 basis point (0.01 %)`]],
  [/^at least 0, or null for unlimited$/, (f) => [`「${f}」不能小于 0（不限库存请留空）`, `${f} must be at least 0, or empty for unlimited`]],
  [/^a guarantee needs at least one top prize/, () => ['设置保底需要至少一个大奖', 'a guarantee needs at least one top prize']],
  [/^odds add up to (\S+), not (\S+)$/, (_f, m) => [`奖品概率合计为 ${m[1]} 个万分点，应为 ${m[2]}`, `the odds add up to ${m[1]}, not ${m[2]}`]],
];
