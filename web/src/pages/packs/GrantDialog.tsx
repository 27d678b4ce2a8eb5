import { useState } from 'react';
import { Alert, Modal, Space, Typography } from 'antd';
import { newKey, report } from '../../api';
import type { Member, Pack, PackGrant } from '../../api/types';
import { useT } from '../../i18n';
import { useConsole } from '../../apps/Console';
import { MemberPicker, memberLabel } from '../members/IssueCardDialog';

/**
 * 发放礼包 to a member, found by phone or name. One Idempotency-Key per dialog (the grant's reference
 * too): a double click or a retry grants once. A random pack shows the prize drawn.
 */
export function GrantDialog({ pack, onClose, onGranted }: { pack: Pack; onClose: () => void; onGranted: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [member, setMember] = useState<Member | null>(null);
  const [done, setDone] = useState<PackGrant | null>(null);
  const [busy, setBusy] = useState(false);
  const [ref] = useState(newKey);
  const grant = async () => {
    if (done) return onClose();
    if (!member) return;
    setBusy(true);
    try {
      setDone(await api.grantPack(pack.id, { member_id: member.id, reference: ref }));
      onGranted();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`发放「${pack.name}」`, `Grant “${pack.name}”`)}
      onCancel={onClose}
      onOk={grant}
      okText={done ? t('完成', 'Done') : t('发放', 'Grant')}
      okButtonProps={{ disabled: !member, loading: busy, 'data-testid': 'grant-ok' }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('会员', 'Member')}</Typography.Text>
        <MemberPicker value={member} onChange={setMember} />
        {done && member && (
          <Alert
            type="success"
            showIcon
            data-testid="grant-result"
            message={
              done.prize
                ? t(
                    `已发放给 ${memberLabel(t, member)}：抽中「${done.prize.name}」，${done.cards.length} 张卡券`,
                    `Granted to ${memberLabel(t, member)}: drew “${done.prize.name}”, ${done.cards.length} cards`,
                  )
                : t(`已发放给 ${memberLabel(t, member)}：${done.cards.length} 张卡券`, `Granted to ${memberLabel(t, member)}: ${done.cards.length} cards`)
            }
          />
        )}
      </Space>
    </Modal>
  );
}
