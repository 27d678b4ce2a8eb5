import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Table, Tabs, Tag, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { report } from '../../api';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { time } from '../../format';
import { PageTitle } from '../../components/PageTitle';
import { Link } from '../../router';
import { LIST_SUBJECTS, LIST_WORDS, SUBJECT_WORDS, word } from './words';

type Entry = Awaited<ReturnType<ReturnType<typeof useConsole>['api']['riskLists']>>['data'][number];
type ListName = 'black' | 'grey' | 'white';
const LISTS: ListName[] = ['black', 'grey', 'white'];
const HINTS: Record<ListName, [string, string]> = {
  black: ['黑名单：命中即拒绝', 'Black: refused'],
  grey: ['灰名单：命中送人工审核', 'Grey: sent to review'],
  white: ['白名单：不受频次限制与行为信号约束', 'White: exempt from limits and signals'],
};

/** 名单: black, grey and white list entries by tab; add one (subject, value, reason, expiry), take one off; expired and removed ones greyed. */
export function RiskLists() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('risk.manage');
  const [list, setList] = useState<ListName>('black');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const [names, setNames] = useState<Record<string, string>>({});
  const [found, setFound] = useState<{ value: string; label: string }[]>([]);
  const subject = Form.useWatch('subject', form);
  const load = useCallback(() => {
    api.riskLists({ list, limit: 200 }).then(async (p) => {
      setEntries(p.data);
      // members by name, not by id (the list answers ids: a member's page has the name)
      const ids = [...new Set(p.data.filter((e) => e.subject === 'member').map((e) => e.value))].slice(0, 50);
      const got = await Promise.all(ids.map((id) => api.member(id).catch(() => null)));
      setNames(Object.fromEntries(got.flatMap((m) => (m ? [[m.id, m.name ?? m.external_id ?? m.id]] : []))));
    }, report);
  }, [api, list]);
  useEffect(load, [load]);
  const search = (q: string) =>
    api
      .members({ q, limit: 20 })
      .then(
        (p) =>
          setFound(p.data.map((m) => ({ value: m.id, label: [m.name, m.external_id, m.phone_last4 && `••• ${m.phone_last4}`].filter(Boolean).join(' · ') }))),
        report,
      );

  const add = async () => {
    const v = await form.validateFields();
    try {
      await api.addRiskEntry({
        list,
        subject: v.subject,
        value: v.value.trim(),
        reason: v.reason,
        expires_at: v.expires_at ? (v.expires_at as Dayjs).toISOString() : null,
      });
      message.success(t('已加入名单', 'Added to the list'));
      setAdding(false);
      load();
    } catch (e) {
      report(e);
    }
  };
  const remove = async (e: Entry) => {
    try {
      await api.removeRiskEntry(e.id);
      message.success(t('已移出名单', 'Removed from the list'));
      load();
    } catch (err) {
      report(err);
    }
  };

  return (
    <div>
      <PageTitle
        title={t('名单', 'Lists')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ subject: 'member' });
                setAdding(true);
              }}
              data-testid="new-list-entry"
            >
              {t('添加', 'Add')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={list}
        onChange={(k) => setList(k as ListName)}
        items={LISTS.map((l) => ({ key: l, label: word(t, LIST_WORDS, l) }))}
        data-testid="risk-list-tabs"
      />
      <div className="kq-muted" style={{ marginBottom: 8 }}>
        {t(...HINTS[list])}
      </div>
      <Table<Entry>
        rowKey="id"
        dataSource={entries}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="risk-list-table"
        rowClassName={(e) => (e.active ? '' : 'kq-muted')}
        columns={[
          { title: t('对象', 'Subject'), dataIndex: 'subject', render: (s: string) => <Tag>{word(t, SUBJECT_WORDS, s)}</Tag> },
          {
            title: t('值', 'Value'),
            dataIndex: 'value',
            render: (v: string, e) =>
              e.subject === 'member' && names[v] ? <Link to={`/console/members/${v}`}>{names[v]}</Link> : <span className="kq-mono">{v}</span>,
          },
          { title: t('原因', 'Reason'), dataIndex: 'reason' },
          {
            title: t('到期', 'Expires'),
            dataIndex: 'expires_at',
            render: (v: string | null, e) =>
              e.removed_at ? <Tag>{t('已移出', 'Removed')}</Tag> : !e.active ? <Tag>{t('已过期', 'Expired')}</Tag> : v ? time(v) : t('长期', 'Never'),
          },
          { title: t('添加时间', 'Added'), dataIndex: 'created_at', render: time },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, e: Entry) =>
                    !e.removed_at && (
                      <Popconfirm title={t('移出名单？', 'Remove from the list?')} onConfirm={() => remove(e)}>
                        <Button size="small" danger>
                          {t('移出', 'Remove')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={adding} title={`${t('添加到', 'Add to the ')}${word(t, LIST_WORDS, list)}`} onCancel={() => setAdding(false)} onOk={add} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="subject" label={t('对象', 'Subject')} rules={[{ required: true }]}>
            <Select options={LIST_SUBJECTS.map((s) => ({ value: s, label: word(t, SUBJECT_WORDS, s) }))} data-testid="list-subject" />
          </Form.Item>
          {subject === 'member' ? (
            <Form.Item name="value" label={t('会员（按姓名、编号或手机号搜索）', 'Member (search by name, id or phone)')} rules={[{ required: true }]}>
              <Select showSearch filterOption={false} onSearch={search} options={found} data-testid="list-member" />
            </Form.Item>
          ) : (
            <Form.Item
              name="value"
              label={t('值（卡券 ID、设备 ID、IP、手机号）', 'Value (card id, device id, IP, phone)')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={200} data-testid="list-value" />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={500} data-testid="list-reason" />
          </Form.Item>
          <Form.Item name="expires_at" label={t('到期时间（不填为长期）', 'Expires (empty: never)')}>
            <DatePicker showTime />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
