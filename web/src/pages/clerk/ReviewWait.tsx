import { useEffect, useState } from 'react';
import { Alert, Button, Spin, Typography } from 'antd';
import type { Client } from '../../api';
import { useT } from '../../i18n';
import { money } from '../../format';
import type { PendingReview } from './confirm';

type Review = Awaited<ReturnType<Client['review']>>;

/**
 * 已提交人工审核: a redemption a risk rule sent to review. The till polls the review (its own request)
 * until an operator decides: approved shows what was redeemed; rejected or expired says nothing was.
 */
export function ReviewWait({
  api,
  pending,
  currency,
  onDecided,
  onClose,
}: {
  api: Client;
  pending: PendingReview;
  currency: string;
  /** once, when the review is decided (the recent list shows an approved redemption) */
  onDecided: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [review, setReview] = useState<Review | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () =>
      api
        .review(pending.review_id)
        .then((r) => {
          if (stop) return;
          setReview(r);
          if (r.status === 'pending') timer = setTimeout(poll, 3000);
          else onDecided();
        })
        .catch(() => {
          if (!stop) timer = setTimeout(poll, 5000);
        });
    poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [api, pending.review_id, onDecided]);

  const status = review?.status ?? 'pending';
  const result = (review?.result ?? null) as { amount?: number; card?: { balance?: number } } | null;
  const id = <Typography.Text copyable>{pending.review_id}</Typography.Text>;
  if (status === 'pending')
    return (
      <Alert
        data-testid="clerk-review-pending"
        type="info"
        showIcon
        icon={<Spin size="small" />}
        message={t('已提交人工审核', 'Sent to review')}
        description={
          <>
            {t(pending.message.zh, pending.message.en)}
            <div>
              {t('审核单号：', 'Review: ')}
              {id}
            </div>
          </>
        }
      />
    );
  if (status === 'approved')
    return (
      <Alert
        data-testid="clerk-review-approved"
        type="success"
        showIcon
        message={t('审核通过，已核销', 'Approved: redeemed')}
        description={
          <>
            {result?.amount !== undefined && <div>{t(`核销金额 ${money(result.amount, currency)}`, `Amount ${money(result.amount, currency)}`)}</div>}
            {result?.card?.balance !== undefined && (
              <div>{t(`余额 ${money(result.card.balance, currency)}`, `Balance ${money(result.card.balance, currency)}`)}</div>
            )}
            <Button size="small" onClick={onClose} style={{ marginTop: 8 }}>
              {t('知道了', 'OK')}
            </Button>
          </>
        }
      />
    );
  return (
    <Alert
      data-testid="clerk-review-refused"
      type="error"
      showIcon
      message={status === 'expired' ? t('审核超时，未核销', 'Review timed out: not redeemed') : t('审核驳回，未核销', 'Rejected: not redeemed')}
      description={
        <>
          {review?.reason && status === 'rejected' && <div>{t(`原因：${review.reason}`, `Why: ${review.reason}`)}</div>}
          <Button size="small" onClick={onClose} style={{ marginTop: 8 }}>
            {t('知道了', 'OK')}
          </Button>
        </>
      }
    />
  );
}
