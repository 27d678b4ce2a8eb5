import { Card, Col, Row, Statistic } from 'antd';
import { useT } from '../../i18n';
import { money, num } from '../../format';

/** A statement's totals by their Chinese names: `strong` as cards (the figures that settle), else small counts. */
export function Figures(p: { list: [string, string, string, boolean][]; totals: Record<string, number>; currency: string; strong?: boolean }) {
  const t = useT();
  const show = (k: string, fen: boolean) => (fen ? money(p.totals[k], p.currency) : num(p.totals[k]));
  return (
    <Row gutter={[12, 12]}>
      {p.list.map(([k, zh, en, fen]) => (
        <Col key={k} xs={12} md={p.strong ? 6 : 4}>
          {p.strong ? (
            <Card size="small">
              <Statistic title={t(zh, en)} value={show(k, fen)} data-testid={`total-${k}`} />
            </Card>
          ) : (
            <div data-testid={`total-${k}`}>
              <div className="kq-muted" style={{ fontSize: 12 }}>
                {t(zh, en)}
              </div>
              <div>{show(k, fen)}</div>
            </div>
          )}
        </Col>
      ))}
    </Row>
  );
}
