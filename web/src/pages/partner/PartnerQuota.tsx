import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Result, Typography } from 'antd';
import { GiftOutlined } from '@ant-design/icons';
import { report, type Client } from '../../api';
import type { Channel, Holding, IssuedCard, Me } from '../../api/types';
import { useT } from '../../i18n';
import { groupCode, num } from '../../format';
import { Copyable } from '../../names';
import { ProblemMessage } from '../../problems';
import { QuotaPanel } from '../channels/Quota';

/**
 * 配额 (the partner portal): what the partner's own channel holds per batch, 分配给下级 (a grant from
 * its channel to a child), 调拨, its allocation history, and 发券: a bearer card issued within its
 * quota (`POST /v1/cards/issue` with the batch and its channel), the code shown this once. Beyond the
 * quota the server refuses (QUOTA_EXHAUSTED) and the dialog says so in its words.
 */
export function PartnerQuota({ api, me, channel }: { api: Client; me: Me; channel: Channel }) {
  const t = useT();
  const [channels, setChannels] = useState<Channel[]>([channel]);
  const [issuing, setIssuing] = useState<Holding | null>(null);
  const [issued, setIssued] = useState<IssuedCard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api
      .channels()
      .then((r) => setChannels(r.data))
      .catch(report);
  }, [api]);
  const canIssue = me.can.includes('cards.issue');
  const issue = async () => {
    if (!issuing) return;
    setBusy(true);
    setError(null);
    try {
      const c = await api.issue({ batch_id: issuing.batch_id, channel_id: channel.id });
      if ('review_id' in c) throw new Error(`已提交人工审核（审核单 ${c.review_id}），通过后发放 · Sent to review; issued once approved`);
      setIssued(c);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setIssuing(null);
    setIssued(null);
    setError(null);
  };
  return (
    <div data-testid="partner-quota">
      <QuotaPanel
        api={api}
        channel={channel}
        channels={channels}
        canManage={me.can.includes('allocations.manage')}
        self
        reloadKey={version}
        rowExtra={(h) =>
          canIssue && (
            <Button size="small" type="primary" ghost icon={<GiftOutlined />} onClick={() => setIssuing(h)} data-testid="quota-issue">
              {t('发券', 'Issue')}
            </Button>
          )
        }
      />
      <Modal
        open={!!issuing}
        title={issuing ? t(`发券：${issuing.template_name ?? issuing.batch_name}`, `Issue: ${issuing.template_name ?? issuing.batch_name}`) : ''}
        onCancel={close}
        destroyOnHidden
        footer={
          issued
            ? [
                <Button key="done" type="primary" onClick={close} data-testid="quota-issue-done">
                  {t('完成', 'Done')}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  {t('取消', 'Cancel')}
                </Button>,
                <Button key="ok" type="primary" loading={busy} onClick={issue} data-testid="quota-issue-ok">
                  {t('发一张', 'Issue one')}
                </Button>,
              ]
        }
      >
        {issued ? (
          <Result
            status="success"
            title={t('已发券，请把券码交给顾客', 'Issued: hand the code to the customer')}
            subTitle={t('券码只显示这一次，关闭后无法再查看', 'The code is shown this once; it cannot be seen again after closing')}
            extra={
              <div className="kq-code-box" data-testid="quota-issued-code">
                <div className="code">
                  <Copyable text={issued.code} strong />
                </div>
                {issued.pin && (
                  <div>
                    {t('密码', 'PIN')} <Copyable text={issued.pin} />
                  </div>
                )}
                <Typography.Text type="secondary">{groupCode(issued.code)}</Typography.Text>
              </div>
            }
          />
        ) : (
          issuing && (
            <>
              <Typography.Paragraph>
                {t(
                  `从「${channel.name}」的额度中发一张不记名卡券（${issuing.batch_name}），当前可用 ${num(issuing.available)}。`,
                  `Issue one bearer card out of "${channel.name}"'s quota (${issuing.batch_name}); ${num(issuing.available)} available.`,
                )}
              </Typography.Paragraph>
              {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="quota-issue-error" />}
            </>
          )
        )}
      </Modal>
    </div>
  );
}
