import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, InputNumber, Modal, Progress, Space, Tag } from 'antd';
import { ApiError, report } from '../../api';
import type { Batch } from '../../api/types';
import { useT } from '../../i18n';
import { num, zonedTime } from '../../format';
import { useConsole } from '../../apps/Console';
import { Reconciliations } from '../passes/Reconciliations';

type Stock = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['wechatStock']>>;

/**
 * 镜像到微信支付商家券: the batch's WeChat Pay merchant-coupon mirror — its state, how many codes WeChat
 * acknowledged, the last error in WeChat's words — and a button to start it (or resume it after a failure).
 * Only the owner starts it; the settings (商户号, keys) are set with PUT /v1/wechatpay/settings (docs/wechatpay.md).
 * Once WeChat has the stock, its reconciliation reports 对账 are listed below, with 立即对账.
 */
export function WechatStock(props: { batch: Batch | null; onClose: () => void }) {
  const t = useT();
  const { api, me } = useConsole();
  const b = props.batch;
  const [stock, setStock] = useState<Stock | null>(null);
  const [missing, setMissing] = useState(false);
  const [quantity, setQuantity] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const canStart = me.can.includes('tenant.manage');
  const load = useCallback(async () => {
    if (!b) return;
    try {
      setStock(await api.wechatStock(b.id));
      setMissing(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setStock(null);
        setMissing(true);
      } else report(e);
    }
  }, [api, b]);
  useEffect(() => {
    setStock(null);
    setMissing(false);
    void load();
    if (!b) return;
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [b, load]);
  const start = async () => {
    if (!b) return;
    setBusy(true);
    try {
      setStock(await api.startWechatStock(b.id, quantity ?? undefined));
      setMissing(false);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  const states: Record<string, [string, string, string]> = {
    creating: ['processing', '创建批次中', 'Creating the stock'],
    uploading: ['processing', '上传券码中', 'Uploading codes'],
    ready: ['success', '已完成', 'Ready'],
    failed: ['error', '失败', 'Failed'],
  };
  const st = stock ? states[stock.state] : null;
  return (
    <Modal
      open={!!b}
      title={t(`镜像到微信支付商家券 · ${b?.name ?? ''}`, `WeChat Pay merchant coupons · ${b?.name ?? ''}`)}
      onCancel={props.onClose}
      footer={null}
      width={720}
    >
      {missing && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="wechat-none">
          <Alert type="info" showIcon message={t('这个批次还没有镜像到微信支付商家券。', 'This batch is not mirrored to WeChat Pay yet.')} />
          {canStart && (
            <Space>
              <InputNumber
                min={1}
                placeholder={t('数量（默认全部）', 'Quantity (default: all)')}
                value={quantity}
                onChange={(v) => setQuantity(v)}
                style={{ width: 200 }}
              />
              <Button type="primary" loading={busy} onClick={start} data-testid="wechat-start">
                {t('开始镜像', 'Start mirroring')}
              </Button>
            </Space>
          )}
        </Space>
      )}
      {stock && st && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="wechat-stock">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('状态', 'State')}>
              <Tag color={st[0]}>{t(st[1], st[2])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('微信批次号', 'WeChat stock id')}>{stock.stock_id ?? t('尚未创建', 'not created yet')}</Descriptions.Item>
            <Descriptions.Item label={t('已上传', 'Uploaded')}>
              {num(stock.uploaded)} / {num(stock.quantity)}
              <Progress percent={Math.floor((stock.uploaded / stock.quantity) * 100)} size="small" />
            </Descriptions.Item>
            <Descriptions.Item label={t('更新时间', 'Updated')}>{zonedTime(stock.updated_at, me.tenant.time_zone)}</Descriptions.Item>
          </Descriptions>
          {stock.last_error && (
            <Alert
              type={stock.state === 'failed' ? 'error' : 'warning'}
              showIcon
              message={t('微信支付的答复', 'WeChat Pay answered')}
              description={stock.last_error}
            />
          )}
          {canStart && stock.state === 'failed' && (
            <Button type="primary" loading={busy} onClick={start} data-testid="wechat-resume">
              {t('从中断处继续', 'Resume where it stopped')}
            </Button>
          )}
          {stock.stock_id && me.can.includes('reports.read') && <Reconciliations batchId={stock.batch_id} canRun={canStart} />}
        </Space>
      )}
    </Modal>
  );
}
