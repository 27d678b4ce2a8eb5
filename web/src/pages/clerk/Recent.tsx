import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, List, Tag } from 'antd';
import { report, type Client } from '../../api';
import type { RedemptionRow, RedemptionWithCard } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { takenInWords } from '../../taken';
import { ReverseDialog, type ReverseTarget } from './ReverseDialog';

/**
 * 最近核销 at this store, newest first, each row told apart by what a clerk reads: the card's name and
 * code tail, the member, what it took (money, uses or stamps) and when; a row still within the
 * tenant's window can be reversed, with a reason.
 */
export function Recent(props: {
  api: Client;
  storeId: string;
  currency: string;
  windowMinutes: number;
  /** changes whenever the list should be read again (a redemption, a reversal elsewhere on the page) */
  round: number;
  onReversed: (r: RedemptionWithCard) => void;
}) {
  const t = useT();
  const [rows, setRows] = useState<RedemptionRow[]>([]);
  const [target, setTarget] = useState<ReverseTarget | null>(null);
  const load = () =>
    props.api
      .redemptions({ store_id: props.storeId, limit: 10 })
      .then((p) => setRows(p.data))
      .catch(report);
  useEffect(() => {
    load();
  }, [props.storeId, props.round]);
  const windowMs = props.windowMinutes * 60_000;

  return (
    <Panel size="small" title={t('最近核销', 'Recent redemptions')}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          data-testid="clerk-recent"
          renderItem={(r) => {
            const reversible = r.status === 'done' && Date.now() - new Date(r.created_at).getTime() < windowMs;
            return (
              <List.Item
                data-testid={`recent-${r.id}`}
                actions={
                  reversible
                    ? [
                        <Button key="rev" size="small" onClick={() => setTarget(r)}>
                          {t('撤销', 'Reverse')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      {r.template_name ?? t('卡券', 'Card')}
                      {r.code_tail && <span className="kq-mono kq-muted"> ···{r.code_tail}</span>}{' '}
                      {r.status === 'reversed' && <Tag>{t('已撤销', 'Reversed')}</Tag>}
                    </span>
                  }
                  description={
                    <span>
                      <b style={{ color: 'rgba(0,0,0,.85)' }}>{takenInWords(t, r, props.currency)}</b>
                      {' · '}
                      {r.member_name ?? t('未绑定会员', 'no member')}
                      {' · '}
                      {time(r.created_at)}
                    </span>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      <ReverseDialog
        api={props.api}
        target={target}
        currency={props.currency}
        onClose={() => setTarget(null)}
        onDone={(r) => {
          setTarget(null);
          load();
          props.onReversed(r);
        }}
      />
    </Panel>
  );
}
