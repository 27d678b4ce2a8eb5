import { useCallback, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Typography, message } from 'antd';
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { report, type ListQuery } from '../../api';
import type { Member, WalletLink } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

/** 会员: search (name, external id, phone), create, and hand a member a signed wallet link. */
export function Members() {
  const t = useT();
  const { api, me } = useConsole();
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [link, setLink] = useState<{ member: Member; link: WalletLink | null } | null>(null);
  const [ttl, setTtl] = useState(72);
  const [form] = Form.useForm();
  const canWrite = me.can.includes('catalog.write');
  const fetch = useCallback((q: ListQuery) => api.members(q), [api]);

  const open = (m: Member | 'new') => {
    setEditing(m);
    form.resetFields();
    if (m !== 'new') form.setFieldsValue({ ...m, birthday: m.birthday ? dayjs(m.birthday) : undefined });
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      external_id: v.external_id || null,
      name: v.name || null,
      tier: v.tier || null,
      birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
      ...(v.phone ? { phone: v.phone } : {}),
    };
    try {
      if (editing === 'new') await api.createMember(body);
      else if (editing) await api.updateMember(editing.id, body);
      setEditing(null);
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  const makeLink = async () => {
    if (!link) return;
    try {
      setLink({ ...link, link: await api.walletLink(link.member.id, { ttl_hours: ttl }) });
    } catch (e) {
      report(e);
    }
  };

  const revokeLinks = async () => {
    if (!link) return;
    try {
      await api.revokeWalletLinks(link.member.id);
      setLink({ ...link, link: null });
      message.success(t('此前生成的钱包链接已全部作废', 'Every earlier wallet link has stopped working'));
    } catch (e) {
      report(e);
    }
  };

  return (
    <div>
      <PageTitle
        title={t('会员', 'Members')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('新建会员', 'New member')}
            </Button>
          )
        }
      />
      <DataTable<Member>
        fetch={fetch}
        rowKey="id"
        search={t('姓名 / 会员编号 / 手机号', 'Name, external id or phone')}
        reloadKey={reload}
        testId="members-table"
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'name',
            sortKey: 'name',
            render: (v: string | null, r) => (
              <Space direction="vertical" size={0}>
                <b>{v ?? '—'}</b>
                <span className="kq-muted kq-mono" style={{ fontSize: 12 }}>
                  {r.id}
                </span>
              </Space>
            ),
          },
          { title: t('会员编号（CRM）', 'External id (CRM)'), dataIndex: 'external_id', render: (v: string | null) => v ?? '—' },
          { title: t('手机', 'Phone'), dataIndex: 'phone_last4', render: (v: string | null) => (v ? `••• ${v}` : '—') },
          { title: t('等级', 'Tier'), dataIndex: 'tier', render: (v: string | null) => v ?? '—' },
          { title: t('生日', 'Birthday'), dataIndex: 'birthday', render: (v: string | null) => v ?? '—' },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', sortKey: 'created_at', render: time },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: Member) => (
                    <Space>
                      <Button size="small" onClick={() => open(r)}>
                        {t('编辑', 'Edit')}
                      </Button>
                      <Button
                        size="small"
                        icon={<LinkOutlined />}
                        onClick={() => setLink({ member: r, link: null })}
                        data-testid={`wallet-link-${r.external_id ?? r.id}`}
                      >
                        {t('钱包链接', 'Wallet link')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('新建会员', 'New member') : t('编辑会员', 'Edit member')}
        onCancel={() => setEditing(null)}
        onOk={save}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('姓名', 'Name')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="external_id" label={t('会员编号（CRM）', 'External id (CRM)')}>
            <Input maxLength={128} />
          </Form.Item>
          <Form.Item name="phone" label={t('手机号（加密保存，仅显示后 4 位）', 'Phone (kept encrypted; only the last 4 digits show)')}>
            <Input maxLength={32} placeholder={editing && editing !== 'new' && editing.phone_last4 ? `••• ${editing.phone_last4}` : ''} />
          </Form.Item>
          <Space>
            <Form.Item name="tier" label={t('等级', 'Tier')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="birthday" label={t('生日', 'Birthday')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal open={!!link} title={t('会员钱包链接', 'Member wallet link')} onCancel={() => setLink(null)} footer={null} destroyOnHidden>
        {link && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t(
                `为 ${link.member.name ?? link.member.id} 生成一个签名链接，会员打开即可查看和使用自己的卡券。`,
                `A signed link for ${link.member.name ?? link.member.id}: opening it shows their cards.`,
              )}
            </Typography.Text>
            <Space>
              <span>{t('有效期（小时）', 'Valid for (hours)')}</span>
              <InputNumber min={1} max={8760} value={ttl} onChange={(v) => setTtl(v ?? 72)} />
              <Button type="primary" onClick={makeLink} data-testid="make-wallet-link">
                {t('生成', 'Create')}
              </Button>
            </Space>
            {link.link && (
              <>
                <Input.TextArea readOnly autoSize value={link.link.url} className="kq-mono" data-testid="wallet-link-url" />
                <Typography.Text type="secondary">
                  {t(
                    `有效至 ${time(link.link.expires_at)}。链接即凭证，请只发给会员本人。`,
                    `Valid until ${time(link.link.expires_at)}. The link is the credential: send it to the member only.`,
                  )}
                </Typography.Text>
                <Space>
                  <Button onClick={() => navigator.clipboard?.writeText(link.link!.url)}>{t('复制', 'Copy')}</Button>
                  <Button href={link.link.url} target="_blank">
                    {t('打开', 'Open')}
                  </Button>
                </Space>
              </>
            )}
            <Alert
              type="info"
              showIcon
              title={t('链接由服务器密钥签名，过期或被篡改即失效。', 'Links are signed with a server key; expired or altered links stop working.')}
            />
            <Popconfirm
              title={t('作废此前生成的全部链接？', 'Revoke every link made so far?')}
              description={t('会员需要一个新链接才能再打开钱包。', 'The member will need a new link to open the wallet.')}
              okText={t('作废', 'Revoke')}
              okButtonProps={{ danger: true }}
              onConfirm={revokeLinks}
            >
              <Button danger size="small" data-testid="revoke-wallet-links">
                {t('作废旧链接（手机丢失、发错人）', 'Revoke earlier links (lost phone, sent to the wrong person)')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Modal>
    </div>
  );
}
