import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic, Table, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { report } from '../../api';
import type { PointsStats as Stats } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { num } from '../../format';
import { TrendChart } from '../../components/Charts';

type Day = Stats['days'][number];

/**
 * 积分统计 (GET /v1/points/stats) on the dashboard, for the same days: points issued, spent, expired each
 * day of the tenant's calendar, and the outstanding points at each day's end — the liability 积分负债 the
 * brand owes its members. Shown to those who may read points.
 */
export function PointsStats({ range }: { range: [Dayjs, Dayjs] }) {
  const t = useT();
  const { api, me } = useConsole();
  const [stats, setStats] = useState<Stats | null>(null);
  const can = me.can.includes('points.read');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  useEffect(() => {
    if (can) api.pointsStats({ from, to }).then(setStats).catch(report);
  }, [api, can, from, to]);
  if (!can) return null;
  const days = stats?.days ?? [];
  const sum = (k: keyof Day) => days.reduce((s, d) => s + Number(d[k] ?? 0), 0);
  const last = days.at(-1);
  const words = {
    issued: t('发放', 'Issued'),
    spent: t('使用', 'Spent'),
    expired: t('过期', 'Expired'),
    outstanding: t('未使用余额（负债）', 'Outstanding (liability)'),
  };
  return (
    <Card
      title={
        <Tooltip
          title={t(
            '按商户时区的自然日统计；负债为当日结束时会员持有、尚未使用或过期的积分。',
            'By the tenant’s days; the liability is what members hold at each day’s end.',
          )}
        >
          {t('积分统计', 'Points')}
        </Tooltip>
      }
      size="small"
      loading={!stats}
      style={{ marginTop: 16 }}
      data-testid="points-stats"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={words.issued} value={sum('issued')} data-testid="points-stats-issued" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={words.spent} value={sum('spent')} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={words.expired} value={sum('expired')} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={words.outstanding} value={last?.outstanding ?? 0} data-testid="points-stats-outstanding" />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <TrendChart
            data={days}
            x="day"
            height={220}
            series={[
              { key: 'issued', name: words.issued },
              { key: 'spent', name: words.spent },
              { key: 'expired', name: words.expired },
              { key: 'outstanding', name: words.outstanding },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Table<Day>
            rowKey="day"
            size="small"
            dataSource={[...days].reverse()}
            pagination={{ pageSize: 7, hideOnSinglePage: true, size: 'small' }}
            data-testid="points-stats-days"
            scroll={{ x: true }}
            columns={[
              { title: t('日期', 'Day'), dataIndex: 'day' },
              { title: words.issued, dataIndex: 'issued', align: 'right', render: num },
              { title: words.spent, dataIndex: 'spent', align: 'right', render: num },
              { title: words.expired, dataIndex: 'expired', align: 'right', render: num },
              { title: t('扣回', 'Clawed back'), dataIndex: 'clawed_back', align: 'right', render: num },
              { title: t('调整', 'Adjusted'), dataIndex: 'adjusted', align: 'right', render: num },
              { title: t('负债', 'Liability'), dataIndex: 'outstanding', align: 'right', render: num },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
