import { useCallback, useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import { PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { report, type ListQuery } from '../../api';
import type { Member } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { Link, navigate, usePath } from '../../router';
import { MemberProfile } from './MemberProfile';
import { WalletLinkDialog } from './WalletLinkDialog';

/** 会员: the list (search by name, external id, phone; create; wallet link), and /console/members/:id, a member's profile. */
export function Members() {
  const path = usePath();
  const id = /^\/console\/members\/([^/]+)/.exec(path)?.[1];
  return id ? <MemberProfile key={id} id={decodeURIComponent(id)} /> : <MemberList />;
}

function MemberList() {
  const t = useT();
  const { api, me } = useConsole();
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [walletFor, setWalletFor] = useState<Member | null>(null);
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
      province: v.province || null,
      city: v.city || null,
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
        onRow={(r) => ({
          onClick: (e) => !(e.target as HTMLElement).closest('button, a') && navigate(`/console/members/${r.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'name',
            sortKey: 'name',
            render: (v: string | null, r) => (
              <Link to={`/console/members/${r.id}`} data-testid={`member-open-${r.external_id ?? r.id}`}>
                <b>{v ?? t('未填姓名', 'No name')}</b>
              </Link>
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
                      <Button size="small" icon={<QrcodeOutlined />} onClick={() => setWalletFor(r)} data-testid={`wallet-link-${r.external_id ?? r.id}`}>
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
          <Space wrap>
            <Form.Item name="province" label={t('省份', 'Province')} extra={t('可选：绑定时判断窜货', 'Optional: for leakage on binding')}>
              <Input maxLength={64} placeholder={t('如：江苏省', 'e.g. 江苏省')} />
            </Form.Item>
            <Form.Item name="city" label={t('城市', 'City')}>
              <Input maxLength={64} placeholder={t('如：苏州市', 'e.g. 苏州市')} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <WalletLinkDialog member={walletFor} onClose={() => setWalletFor(null)} />
    </div>
  );
}
