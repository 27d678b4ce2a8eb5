import type { ImportResult } from '../../api/types';

type T = (zh: string, en: string) => string;
type Refusal = ImportResult['refusals'][number];

/** Why an imported line was refused, said to the operator in their language (the API's `detail` is for developers). */
export function refusalDetail(t: T, r: Refusal): string {
  switch (r.reason) {
    case 'duplicate_in_file':
      return r.same_as_line
        ? t(`与第 ${r.same_as_line} 行重复`, `Same code as line ${r.same_as_line}`)
        : t('与文件中前面的一行重复', 'Repeats an earlier line');
    case 'duplicate':
      return t('这个券码已经在系统中，未重复导入', 'This code is already in the system; not imported again');
    case 'malformed':
      return r.field === 'pin'
        ? t('密码应为 4–32 位字母或数字', 'A PIN is 4 to 32 letters or digits')
        : t('券码应为 4–64 位字母或数字', 'A code is 4 to 64 letters or digits');
    case 'pin_missing':
      return t('礼品卡券码需要在第二列附上密码', 'Gift card codes need a PIN in the second column');
    case 'weak_code':
      return t(
        '券码太容易被猜中：需 16 位以上字母加数字、18 位以上字母或 25 位以上数字，或在第二列附上密码',
        'Too guessable: use 16+ letters and digits, 18+ letters or 25+ digits, or add a PIN in the second column',
      );
    default:
      return r.detail;
  }
}
