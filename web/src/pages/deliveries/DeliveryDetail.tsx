import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Drawer, Grid, Input, Modal, Space, Spin, Table, Tag, Typography, message } from 'antd';
import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { report, type Client } from '../../api';
import type { DeliveryDetail as Detail } from '../../api/types';
import { useT } from '../../i18n';
import { num, time } from '../../format';
import { ProblemMessage } from '../../problems';
import { saveFile } from '../batches/ExportCodes';
import { methodWords, outcomeWords, referenceWords, STATE_COLORS, stateWords } from './words';

/**
 * A delivery 交付详情: recipient, method, state (已下载 n/m), expiry, what it is for, every attempt on
 * its link with time and address; 下载加密文件 (the operator's copy to send, counted and audited) and
 * 撤销 with a reason and, while nothing was downloaded, 作废未下载的卡券.
 */
export function DeliveryDetail({
  api,
  id,
  canManage,
  onClose,
  onChanged,
}: {
  api: Client;
  id: string | null;
  canManage: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const wide = Grid.useBreakpoint().md ?? true;
  const [d, setD] = useState<Detail | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const [voidCards, setVoidCards] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    if (!id) return;
    api.delivery(id).then(setD).catch(report);
  }, [api, id]);
  useEffect(() => {
    setD(null);
    load();
  }, [load]);

  const download = async () => {
    if (!d) return;
    try {
      saveFile(await api.deliveryFile(d.id), `${d.recipient.name}-${d.id}.xlsx`);
      load();
      onChanged();
    } catch (e) {
      report(e);
    }
  };
  const revoke = async () => {
    if (!d) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.revokeDelivery(d.id, { ...(reason.trim() ? { reason: reason.trim() } : {}), void_cards: voidCards });
      message.success(
        r.voided
          ? t(`已撤销，作废 ${r.voided.voided} 张卡券`, `Revoked; ${r.voided.voided} cards voided`)
          : t('已撤销，链接立即失效', 'Revoked: the link stops at once'),
      );
      setRevoking(false);
      load();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const live = d && d.state !== 'revoked';
  return (
    <Drawer open={!!id} onClose={onClose} size={wide ? 720 : '100%'} title={t('交付详情', 'Delivery')} destroyOnHidden data-testid="delivery-detail">
      {!d ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions
            size="small"
            column={wide ? 2 : 1}
            bordered
            items={[
              { key: 'r', label: t('收件人', 'Recipient'), children: [d.recipient.name, d.recipient.phone, d.recipient.email].filter(Boolean).join(' · ') },
              { key: 'm', label: t('方式', 'Method'), children: `${methodWords(t, d.method)}${d.password_protected ? t('（密码保护）', ' (password)') : ''}` },
              {
                key: 's',
                label: t('状态', 'State'),
                children: (
                  <Tag color={STATE_COLORS[d.state]} data-testid="delivery-state">
                    {stateWords(t, d)}
                  </Tag>
                ),
              },
              { key: 'c', label: t('卡券数量', 'Cards'), children: num(d.cards) },
              ...(d.method === 'link' ? [{ key: 'e', label: t('有效至', 'Expires'), children: time(d.expires_at) }] : []),
              { key: 'ref', label: t('关联', 'For'), children: referenceWords(t, d) },
              { key: 'f', label: t('操作员下载文件', 'File fetched by staff'), children: t(`${d.fetches} 次`, `${d.fetches} times`) },
              { key: 'at', label: t('创建时间', 'Created'), children: time(d.created_at) },
              ...(d.revoked_at
                ? [{ key: 'rv', label: t('撤销', 'Revoked'), children: `${time(d.revoked_at)}${d.revoke_reason ? ` · ${d.revoke_reason}` : ''}` }]
                : []),
              ...(d.note ? [{ key: 'n', label: t('备注', 'Note'), children: d.note }] : []),
            ]}
          />
          {canManage && live && (
            <Space wrap>
              {d.password_protected && (
                <Button icon={<DownloadOutlined />} onClick={download} data-testid="delivery-download">
                  {t('下载加密文件', 'Download the encrypted file')}
                </Button>
              )}
              <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)} data-testid="delivery-revoke">
                {t('撤销交付', 'Revoke')}
              </Button>
            </Space>
          )}
          <Typography.Title level={5}>{t('下载记录', 'Attempts')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            dataSource={d.attempts}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('还没有人打开过下载链接', 'Nobody has used the link yet') }}
            data-testid="delivery-attempts"
            columns={[
              { title: t('时间', 'When'), dataIndex: 'at', render: time },
              {
                title: t('结果', 'Outcome'),
                dataIndex: 'outcome',
                render: (o: string) => <Tag color={o === 'served' ? 'green' : 'red'}>{outcomeWords(t, o)}</Tag>,
              },
              { title: t('IP 地址', 'Address'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
              {
                title: t('浏览器', 'Browser'),
                dataIndex: 'user_agent',
                render: (v: string | null) => <span className="kq-muted">{v?.slice(0, 60) ?? '—'}</span>,
              },
            ]}
          />
        </Space>
      )}
      <Modal
        open={revoking}
        title={t('撤销交付？', 'Revoke this delivery?')}
        onCancel={() => setRevoking(false)}
        onOk={revoke}
        okText={t('撤销', 'Revoke')}
        okButtonProps={{ danger: true, 'data-testid': 'delivery-revoke-ok' } as never}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t(
            '撤销后下载链接立即失效；卡券可以重新交付。若卡券可能已泄露，请同时作废。',
            'The link stops at once; the cards may be delivered again. If the codes may have leaked, void them too.',
          )}
        </Typography.Paragraph>
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('撤销原因（可选）', 'Why (optional)')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Checkbox
          style={{ marginTop: 12 }}
          checked={voidCards}
          disabled={!!d && d.downloads > 0}
          onChange={(e) => setVoidCards(e.target.checked)}
          data-testid="delivery-void"
        >
          {t('作废未下载的卡券', 'Void the undelivered cards')}
        </Checkbox>
        {!!d && d.downloads > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('链接已被下载，卡券已送出，不能在此作废', 'The link was downloaded: the codes are out and cannot be voided here')}
          </Typography.Paragraph>
        )}
        {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} />}
      </Modal>
    </Drawer>
  );
}
