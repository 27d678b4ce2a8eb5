import type { Delivery } from '../../api/types';

type T = (zh: string, en: string) => string;

/** 卡密交付 in words: the method, the state with its downloads (已下载 1/1), an attempt's outcome. */
export const methodWords = (t: T, m: Delivery['method']) => (m === 'link' ? t('下载链接', 'Download link') : t('加密文件', 'Encrypted file'));

export function stateWords(t: T, d: Pick<Delivery, 'state' | 'method' | 'downloads' | 'max_downloads'>): string {
  const n = d.method === 'link' ? ` ${d.downloads}/${d.max_downloads ?? 1}` : '';
  switch (d.state) {
    case 'created':
      return d.method === 'link' ? t(`待下载${n}`, `Waiting${n}`) : t('待发送', 'To send');
    case 'downloaded':
      return t(`已下载${n}`, `Downloaded${n}`);
    case 'expired':
      return t('已过期', 'Expired');
    case 'revoked':
      return t('已撤销', 'Revoked');
  }
}

export const STATE_COLORS: Record<Delivery['state'], string> = { created: 'blue', downloaded: 'green', expired: 'default', revoked: 'red' };

export function outcomeWords(t: T, o: string): string {
  return (
    {
      served: t('已下载', 'Downloaded'),
      expired: t('链接已过期', 'Link expired'),
      used_up: t('下载次数已用完', 'No downloads left'),
      revoked: t('已撤销', 'Revoked'),
    }[o] ?? o
  );
}

/** What a delivery delivers for: a wholesale order by its name (buyer · units), else its type and id. */
export function referenceWords(t: T, d: Pick<Delivery, 'reference_type' | 'reference_id' | 'reference_name'>): string {
  if (!d.reference_type) return '—';
  if (d.reference_type === 'wholesale_order') return `${t('批发订单', 'Wholesale order')} · ${d.reference_name ?? d.reference_id ?? ''}`;
  return `${d.reference_type} · ${d.reference_id ?? ''}`;
}
