import { useCallback, useEffect, useState } from 'react';
import { Button, Card as Panel, Descriptions, Drawer, Empty, Result, Space, Table, Tag } from 'antd';
import { GiftOutlined, LeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { ApiError, report, type ListQuery } from '../../api';
import type { Card, Member, MemberHistoryItem, Template } from '../../api/types';
import { useName, useT } from '../../i18n';
import { date, money, num, time } from '../../format';
import { Link } from '../../router';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { CardDetail, STATE_COLORS } from '../cards/CardDetail';
import { TopUpDialog } from '../cards/TopUpDialog';
import { IssueCardDialog } from './IssueCardDialog';
import { WalletLinkDialog } from './WalletLinkDialog';
import { MemberRiskPanel } from '../risk/MemberRiskPanel';
import { MemberPoints } from './MemberPoints';
import { MemberTierCard } from './MemberTierCard';
import { MemberBenefits } from './MemberBenefits';

const STORED = ['stored_value', 'gift'];

/**
 * 会员详情 (/console/members/:id): who the member is, the cards they hold (each opens its trace), what
 * happened to them, and what the counter does for them — issue a card, top up a stored-value card
 * (with its bonus tier), show the wallet as a QR code to scan; and the membership: points (lots, every
 * movement, a manual adjustment), tier and its history, packs, mall exchanges and orders.
 */
export function MemberProfile({ id }: { id: string }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const [member, setMember] = useState<Member | null>(null);
  const [missing, setMissing] = useState(false);
  const [cards, setCards] = useState<Card[] | null>(null);
  const [templates, setTemplates] = useState<Map<string, Template>>(new Map());
  const [open, setOpen] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [toppingUp, setToppingUp] = useState<Card | null>(null);
  const [walletFor, setWalletFor] = useState<Member | null>(null);
  const [reload, setReload] = useState(0);
  const canIssue = me.can.includes('cards.issue');
  const canManage = me.can.includes('cards.manage');
  const canLink = me.can.includes('catalog.write');
  const canHistory = me.can.includes('reports.read');
  const canPoints = me.can.includes('points.read');
  const canTiers = me.can.includes('tiers.read');

  useEffect(() => {
    api
      .member(id)
      .then(setMember)
      .catch((e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : report(e)));
  }, [api, id]);
  useEffect(() => {
    if (!member) return;
    api
      .cards({ member_id: member.id, limit: 200 })
      .then(async (p) => {
        const known = new Map(templates);
        for (const tid of new Set(p.data.map((c) => c.template_id))) if (!known.has(tid)) known.set(tid, await api.template(tid).catch(() => null as never));
        setTemplates(known);
        setCards(p.data);
      })
      .catch(report);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, member, reload]);
  const fetchHistory = useCallback((q: ListQuery) => api.memberHistory(id, q), [api, id]);

  if (missing)
    return (
      <Result status="404" title={t('没有这个会员', 'No such member')} extra={<Link to="/console/members">{t('返回会员列表', 'Back to members')}</Link>} />
    );
  if (!member) return <Panel loading />;
  const tplName = (tid: string) => templates.get(tid)?.name ?? t('卡券', 'Card');
  const changed = () => setReload((x) => x + 1);
  const left = (c: Card) =>
    STORED.includes(c.kind)
      ? money(c.balance, cur)
      : c.kind === 'count' || c.kind === 'periodic'
        ? t(`${num(c.uses_left)} 次`, `${num(c.uses_left)} uses`)
        : c.kind === 'stamp'
          ? t(`${c.stamps} 点`, `${c.stamps} stamps`)
          : '—';
  const stateTag = (c: Card) =>
    c.state === 'frozen' && c.state_reason === 'gift_pending' ? (
      <Tag color="gold">{t('转赠中', 'Being gifted')}</Tag>
    ) : c.state === 'frozen' && c.state_reason?.startsWith('review:') ? (
      <Tag color="gold">{t('人工审核中', 'Held for review')}</Tag>
    ) : (
      <Tag color={STATE_COLORS[c.state]}>{name('state', c.state)}</Tag>
    );
  const what = (h: MemberHistoryItem) => {
    if (h.type === 'topped_up')
      return h.bonus
        ? t(
            `充 ${money(h.amount, cur)} 送 ${money(h.bonus, cur)}，到账 ${money(h.amount + h.bonus, cur)}`,
            `${money(h.amount, cur)} + ${money(h.bonus, cur)} bonus`,
          )
        : money(h.amount, cur);
    if (h.type === 'redeemed' || h.type === 'reversed')
      return h.uses && !STORED.includes(h.kind ?? '') && h.kind !== 'cash' && h.kind !== 'discount'
        ? t(`${h.uses} 次`, `${h.uses} use(s)`)
        : money(h.amount, cur);
    if (h.type === 'stamped') return t(`+${h.stamps} 点`, `+${h.stamps} stamp(s)`);
    return '';
  };

  return (
    <div data-testid="member-profile">
      <PageTitle
        title={t(`会员 · ${member.name ?? member.external_id ?? ''}`, `Member · ${member.name ?? member.external_id ?? ''}`)}
        extra={
          <Space wrap>
            <Link to="/console/members">
              <LeftOutlined /> {t('会员列表', 'Members')}
            </Link>
            {canLink && (
              <Button icon={<QrcodeOutlined />} onClick={() => setWalletFor(member)} data-testid="member-wallet-qr">
                {t('钱包二维码', 'Wallet QR code')}
              </Button>
            )}
            {canIssue && (
              <Button type="primary" icon={<GiftOutlined />} onClick={() => setIssuing(true)} data-testid="member-issue">
                {t('发放卡券', 'Issue a card')}
              </Button>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Panel size="small" title={t('会员资料', 'Details')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="member-details">
            <Descriptions.Item label={t('姓名', 'Name')}>{member.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('会员编号（CRM）', 'External id (CRM)')}>{member.external_id ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('手机', 'Phone')}>{member.phone_last4 ? `••• ${member.phone_last4}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('CRM 等级', 'CRM tier')}>{member.tier ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('生日', 'Birthday')}>{member.birthday ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('注册时间', 'Member since')}>{date(member.created_at)}</Descriptions.Item>
          </Descriptions>
        </Panel>
        {canTiers && <MemberTierCard member={member} reload={reload} onChanged={changed} />}
        {canPoints && <MemberPoints member={member} reload={reload} onChanged={changed} />}
        <Panel size="small" title={t(`卡券（${cards?.length ?? '…'}）`, `Cards (${cards?.length ?? '…'})`)}>
          <Table<Card>
            size="small"
            rowKey="id"
            loading={!cards}
            dataSource={cards ?? []}
            pagination={false}
            data-testid="member-cards"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有卡券', 'No cards yet')} /> }}
            onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('卡券', 'Card'),
                key: 'name',
                render: (_: unknown, c) => (
                  <Space direction="vertical" size={0}>
                    <b>{tplName(c.template_id)}</b>
                    <span className="kq-muted" style={{ fontSize: 12 }}>
                      {name('kind', c.kind)} · <span className="kq-mono">•••• {c.code_tail}</span>
                    </span>
                  </Space>
                ),
              },
              { title: t('状态', 'State'), key: 'state', render: (_: unknown, c) => stateTag(c) },
              { title: t('余额 / 剩余', 'Balance / left'), key: 'left', align: 'right', render: (_: unknown, c) => left(c) },
              {
                title: t('有效至', 'Valid until'),
                dataIndex: 'valid_until',
                responsive: ['sm'],
                render: (v: string | null) => (v ? date(v) : t('长期有效', 'No expiry')),
              },
              {
                title: '',
                key: 'ops',
                responsive: ['sm'],
                render: (_: unknown, c) => (
                  <Space onClick={(e) => e.stopPropagation()}>
                    {canManage && STORED.includes(c.kind) && c.state === 'active' && (
                      <Button size="small" onClick={() => setToppingUp(c)} data-testid={`member-topup-${c.code_tail}`}>
                        {t('充值', 'Top up')}
                      </Button>
                    )}
                    <Button size="small" type="link" onClick={() => setOpen(c.id)}>
                      {t('轨迹', 'Trace')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Panel>
        <MemberBenefits memberId={member.id} reload={reload} />
        <MemberRiskPanel memberId={member.id} onCard={setOpen} />
        {canHistory && (
          <Panel size="small" title={t('动态', 'History')}>
            <DataTable<MemberHistoryItem>
              fetch={fetchHistory}
              rowKey={(h) => String(h.id)}
              reloadKey={reload}
              testId="member-history"
              columns={[
                { title: t('时间', 'When'), dataIndex: 'at', render: time },
                { title: t('事件', 'Event'), dataIndex: 'type', render: (_: string, r) => <Tag>{t(r.zh, r.en)}</Tag> },
                {
                  title: t('卡券', 'Card'),
                  key: 'card',
                  render: (_: unknown, h) =>
                    h.card_name ? (
                      <span>
                        {h.card_name}
                        {h.code_tail && <span className="kq-muted kq-mono"> •••• {h.code_tail}</span>}
                      </span>
                    ) : (
                      '—'
                    ),
                },
                { title: t('门店', 'Store'), dataIndex: 'store_name', responsive: ['md'], render: (v: string | null) => v ?? '—' },
                { title: t('金额 / 次数', 'Amount / uses'), key: 'what', render: (_: unknown, h) => what(h) || '—' },
              ]}
            />
          </Panel>
        )}
      </Space>
      <Drawer width={1100} open={!!open} onClose={() => setOpen(null)} title={t('卡券详情', 'Card')} destroyOnHidden>
        {open && <CardDetail cardId={open} onChanged={changed} />}
      </Drawer>
      {issuing && (
        <IssueCardDialog
          member={member}
          onClose={() => setIssuing(false)}
          onIssued={() => {
            setIssuing(false);
            changed();
          }}
        />
      )}
      <TopUpDialog
        card={toppingUp}
        template={toppingUp ? templates.get(toppingUp.template_id) : null}
        onClose={() => setToppingUp(null)}
        onDone={() => {
          setToppingUp(null);
          changed();
        }}
      />
      <WalletLinkDialog member={walletFor} onClose={() => setWalletFor(null)} />
    </div>
  );
}
