import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, Form, Input, Modal, Select, Space, Spin, Tag, Tree, message } from 'antd';
import { EditOutlined, PauseCircleOutlined, PlayCircleOutlined, PlusOutlined, TeamOutlined, WalletOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { report, type Client } from '../../api';
import type { Channel } from '../../api/types';
import { useName, useT } from '../../i18n';
import { ProblemMessage } from '../../problems';
import { PartnerAccounts } from './PartnerAccounts';
import { QuotaDrawer } from './Quota';

/** 第 1 级 (总代) … : the level of a channel, from its depth in the whole tree. */
export function levelName(t: (zh: string, en: string) => string, depth: number) {
  const words = [t('总代', 'top level'), t('区域代理', 'regional'), t('门店/团长', 'store / leader'), 'KOC'];
  return t(`第 ${depth + 1} 级`, `Level ${depth + 1}`) + (words[depth] ? ` · ${words[depth]}` : '');
}

type Editing = { mode: 'new'; parent: Channel | null } | { mode: 'edit'; channel: Channel };

/**
 * The channel tree 渠道树, shared by the console (the whole tree) and the partner portal (the
 * partner's own subtree: the server lists only that). Drag-free: a channel moves by choosing a new
 * parent; a move that would make a loop is refused by the server, in its words. `root`: the
 * partner's own channel, whose place, status and top-levelness it cannot change. `quota`: the
 * 额度 button (渠道分配: holdings, allocate, take back, transfer, history) and whether it may change them.
 */
export function ChannelTree({ api, canManage, root = null, quota }: { api: Client; canManage: boolean; root?: string | null; quota?: { manage: boolean } }) {
  const t = useT();
  const name = useName();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [accountsOf, setAccountsOf] = useState<Channel | null>(null);
  const [quotaOf, setQuotaOf] = useState<Channel | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    api
      .channels()
      .then((r) => setChannels(r.data))
      .catch(report);
  }, [api]);
  useEffect(load, [load]);

  const byId = useMemo(() => new Map((channels ?? []).map((c) => [c.id, c])), [channels]);
  const tree = useMemo(() => {
    const kids = new Map<string | null, Channel[]>();
    const all = channels ?? [];
    for (const c of all) {
      const p = c.parent_id && byId.has(c.parent_id) ? c.parent_id : null; // a partner's root has its parent out of sight
      kids.set(p, [...(kids.get(p) ?? []), c]);
    }
    const node = (c: Channel): DataNode => ({ key: c.id, title: c.name, children: (kids.get(c.id) ?? []).map(node) });
    return (kids.get(null) ?? []).map(node);
  }, [channels, byId]);

  const open = (e: Editing) => {
    setError(null);
    setEditing(e);
    form.resetFields();
    if (e.mode === 'edit') {
      const c = e.channel;
      form.setFieldsValue({ name: c.name, parent_id: c.parent_id ?? '', regions: c.regions, store_tags: c.store_tags, price_level: c.price_level ?? '' });
    } else form.setFieldsValue({ parent_id: e.parent?.id ?? '' });
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name.trim(), regions: v.regions ?? [], store_tags: v.store_tags ?? [], price_level: v.price_level?.trim() || null };
    setBusy(true);
    setError(null);
    try {
      if (editing?.mode === 'new') {
        const c = await api.createChannel({ ...body, parent_id: editing.parent?.id ?? (v.parent_id || null) });
        message.success(t(`已创建渠道「${c.name}」`, `Channel "${c.name}" created`));
      } else if (editing?.mode === 'edit') {
        const c = editing.channel;
        const parent = c.id === root ? undefined : v.parent_id || null;
        await api.updateChannel(c.id, { ...body, ...(parent !== undefined && parent !== c.parent_id ? { parent_id: parent } : {}) });
        message.success(t(`已保存渠道「${body.name}」`, `Channel "${body.name}" saved`));
      }
      setEditing(null);
      load();
    } catch (e) {
      setError(e); // shown in the dialog, in the server's words (e.g. CHANNEL_CYCLE)
    } finally {
      setBusy(false);
    }
  };
  const setStatus = (c: Channel, status: 'active' | 'suspended') =>
    Modal.confirm({
      title: status === 'suspended' ? t(`暂停与「${c.name}」的合作？`, `Suspend "${c.name}"?`) : t(`恢复与「${c.name}」的合作？`, `Resume "${c.name}"?`),
      content:
        status === 'suspended'
          ? t(
              '暂停后，已发出的卡券照常可用，但不能再通过这个渠道发券或分配。',
              'Cards already out keep working; nothing more is issued or allocated through it.',
            )
          : t('恢复后可以继续通过这个渠道发券。', 'Cards can be issued through it again.'),
      okText: status === 'suspended' ? t('暂停合作', 'Suspend') : t('恢复合作', 'Resume'),
      onOk: async () => {
        try {
          await api.updateChannel(c.id, { status });
          load();
        } catch (e) {
          report(e);
        }
      },
    });

  // parents a channel may be placed under: every other channel it sees (the server refuses loops);
  // the brand's staff may also make it a top-level channel, a partner keeps it under its own
  const parentOptions = (self: Channel | null) => [
    ...(root ? [] : [{ value: '', label: t('无（顶级渠道）', 'None (top level)') }]),
    ...(channels ?? [])
      .filter((c) => c.id !== self?.id)
      .map((c) => ({ value: c.id, label: c.name, indent: Math.max(0, c.depth - (byId.get(root ?? '')?.depth ?? 0)) })),
  ];

  const title = (n: DataNode) => {
    const c = byId.get(String(n.key))!;
    const facts = [
      c.regions.length ? `${t('区域', 'Regions')}：${c.regions.join('、')}` : t('区域不限', 'Any region'),
      c.store_tags.length ? `${t('门店标签', 'Store tags')}：${c.store_tags.join('、')}` : null,
      c.price_level ? `${t('价格等级', 'Price level')}：${c.price_level}` : null,
    ].filter(Boolean);
    return (
      <div className="kq-channel" data-testid={`channel-${c.name}`}>
        <div className="kq-channel-head">
          <b>{c.name}</b>
          <Tag>{levelName(t, c.depth)}</Tag>
          <Tag color={c.status === 'active' ? 'green' : 'default'}>{name('channelStatus', c.status)}</Tag>
        </div>
        <div className="kq-muted kq-channel-facts">{facts.join(' · ')}</div>
        {(canManage || quota) && (
          <Space wrap size={4} className="kq-channel-ops" onClick={(e) => e.stopPropagation()}>
            {quota && c.id !== root && (
              <Button size="small" icon={<WalletOutlined />} onClick={() => setQuotaOf(c)} data-testid="channel-quota">
                {t('额度', 'Quota')}
              </Button>
            )}
            {canManage && (
              <>
                <Button size="small" icon={<PlusOutlined />} onClick={() => open({ mode: 'new', parent: c })} data-testid="channel-add-child">
                  {t('新建下级', 'Add below')}
                </Button>
                <Button size="small" icon={<EditOutlined />} onClick={() => open({ mode: 'edit', channel: c })} data-testid="channel-edit">
                  {t('编辑', 'Edit')}
                </Button>
                <Button size="small" icon={<TeamOutlined />} onClick={() => setAccountsOf(c)} data-testid="channel-accounts">
                  {t('账号', 'Accounts')}
                </Button>
                {c.id !== root &&
                  (c.status === 'active' ? (
                    <Button size="small" icon={<PauseCircleOutlined />} onClick={() => setStatus(c, 'suspended')} data-testid="channel-suspend">
                      {t('暂停', 'Suspend')}
                    </Button>
                  ) : (
                    <Button size="small" icon={<PlayCircleOutlined />} onClick={() => setStatus(c, 'active')} data-testid="channel-resume">
                      {t('恢复', 'Resume')}
                    </Button>
                  ))}
              </>
            )}
          </Space>
        )}
      </div>
    );
  };

  if (!channels) return <Spin />;
  const editingSelf = editing?.mode === 'edit' ? editing.channel : null;
  return (
    <div data-testid="channel-tree">
      {canManage && !root && (
        <div className="kq-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'new', parent: null })} data-testid="channel-new">
            {t('新建顶级渠道', 'New top-level channel')}
          </Button>
        </div>
      )}
      {tree.length ? (
        <Tree treeData={tree} titleRender={title} defaultExpandAll blockNode selectable={false} showLine key={channels.length} />
      ) : (
        <Empty description={t('还没有渠道', 'No channels yet')} />
      )}
      <Modal
        open={!!editing}
        title={
          editing?.mode === 'edit'
            ? t(`编辑渠道「${editing.channel.name}」`, `Edit "${editing.channel.name}"`)
            : editing?.parent
              ? t(`在「${editing.parent.name}」下新建渠道`, `New channel under "${editing.parent.name}"`)
              : t('新建顶级渠道', 'New top-level channel')
        }
        onCancel={() => setEditing(null)}
        onOk={save}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'channel-save' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" data-testid="channel-form">
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter a name') }]}>
            <Input maxLength={200} placeholder={t('如：苏州区域代理', 'e.g. Suzhou regional agent')} />
          </Form.Item>
          {(editing?.mode === 'edit' ? editing.channel.id !== root : !editing?.parent) && (
            <Form.Item
              name="parent_id"
              label={t('上级渠道', 'Parent channel')}
              extra={
                editing?.mode === 'edit' ? t('换一个上级即移动渠道，它的下级随之移动', 'A new parent moves the channel with everything below it') : undefined
              }
            >
              <Select
                options={parentOptions(editingSelf)}
                optionRender={(o) => <span style={{ paddingLeft: ((o.data as { indent?: number }).indent ?? 0) * 14 }}>{o.label}</span>}
                showSearch
                optionFilterProp="label"
                data-testid="channel-parent"
              />
            </Form.Item>
          )}
          <Form.Item name="regions" label={t('区域（省或市，不填为不限）', 'Regions (provinces or cities; empty = anywhere)')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              placeholder={t('如：江苏省、苏州市', 'e.g. 江苏省, 苏州市')}
              data-testid="channel-regions"
            />
          </Form.Item>
          <Form.Item name="store_tags" label={t('门店标签（不填为不限）', 'Store tags (empty = any store)')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="channel-tags" />
          </Form.Item>
          <Form.Item name="price_level" label={t('价格等级', 'Price level')}>
            <Input maxLength={64} placeholder={t('如：L1', 'e.g. L1')} data-testid="channel-price" />
          </Form.Item>
          {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="channel-error" />}
        </Form>
      </Modal>
      <PartnerAccounts api={api} channel={accountsOf} onClose={() => setAccountsOf(null)} />
      {quota && <QuotaDrawer api={api} channel={quotaOf} channels={channels} canManage={quota.manage} onClose={() => setQuotaOf(null)} />}
    </div>
  );
}
