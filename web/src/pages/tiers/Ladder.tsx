import { useEffect, useState } from 'react';
import { Button, Input, InputNumber, Space, Table, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Tier } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { Refusal } from '../wholesale/Refusal';

type Row = { key: string; id?: string; name: string; threshold: number | null };

/**
 * 等级与门槛: the ladder, lowest first, edited as a whole (PUT /v1/tiers). Thresholds must rise from row to
 * row; the server names the row that does not. A tier kept keeps its members; a tier still held cannot go.
 */
export function Ladder({ tiers, canManage, onSaved }: { tiers: Tier[]; canManage: boolean; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRows(tiers.map((x) => ({ key: x.id, id: x.id, name: x.name, threshold: x.threshold }))), [tiers]);
  const edit = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.setTiers({ tiers: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name.trim(), threshold: r.threshold ?? 0 })) });
      message.success(t('会员等级已保存', 'Tiers saved'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="tier-ladder">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '从低到高排列。成长值达到门槛即刻升级（可跨级）；门槛必须逐级递增。第一个等级的门槛为 0 时，所有会员至少是这个等级。',
          'Lowest first. Reaching a threshold upgrades at once (levels can be skipped); thresholds must rise. A first tier at 0 is every member’s floor.',
        )}
      </Typography.Paragraph>
      <Refusal error={error} testId="tier-ladder-error" />
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('级别', 'Level'), key: 'rank', width: 60, render: (_, __, i) => `L${i}` },
          {
            title: t('等级名称', 'Name'),
            key: 'name',
            render: (_, r, i) =>
              canManage ? <Input value={r.name} maxLength={40} onChange={(e) => edit(i, { name: e.target.value })} data-testid={`tier-name-${i}`} /> : r.name,
          },
          {
            title: t('成长值门槛', 'Growth threshold'),
            key: 'threshold',
            render: (_, r, i) =>
              canManage ? (
                <InputNumber
                  min={0}
                  precision={0}
                  value={r.threshold}
                  onChange={(v) => edit(i, { threshold: v })}
                  style={{ width: 160 }}
                  data-testid={`tier-threshold-${i}`}
                />
              ) : (
                r.threshold?.toLocaleString('zh-CN')
              ),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 50,
                  render: (_: unknown, __: Row, i: number) => (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('删除', 'Remove')}
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <Space style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRows((rs) => [...rs, { key: `new-${Date.now()}`, name: '', threshold: (rs.at(-1)?.threshold ?? -1000) + 1000 }])}
            data-testid="tier-add"
          >
            {t('添加等级', 'Add tier')}
          </Button>
          <Button type="primary" loading={busy} onClick={save} disabled={!rows.length} data-testid="tier-save">
            {t('保存等级', 'Save tiers')}
          </Button>
        </Space>
      )}
    </div>
  );
}
