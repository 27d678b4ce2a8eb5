import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card as Panel, Input, Popconfirm, Space } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { ApiError, newKey, type Client } from '../../api';
import type { CheckResult, Me, RedeemBody, RedemptionWithCard } from '../../api/types';
import { useT } from '../../i18n';
import { Scanner } from '../../components/Scanner';
import { ProblemMessage } from '../../problems';
import { CheckPanel, type Inputs } from './CheckPanel';
import { Receipt, type Done } from './Receipt';
import { Recent } from './Recent';
import { StillUnsure, isPendingReview, redeemSurely, type Pending, type PendingReview } from './confirm';
import { ReviewWait } from './ReviewWait';
import { OtpEntry, otpAsked, type OtpProof } from './OtpEntry';

const EMPTY: Inputs = { order: null, amount: null, uses: 1, products: [], approval: '' };

/**
 * 核销台: scan or type → check (can it be redeemed here, now; what it needs: the order amount, the
 * amount to take) → fill in → confirm (a sticky bar, in view on a phone) → receipt with undo. A
 * confirm whose answer is lost is asked again under its own Idempotency-Key until the server says
 * what happened (confirm.ts): one confirm is at most one redemption.
 */
export function Redeem({ api, me, storeId, storeName }: { api: Client; me: Me; storeId: string; storeName: (id: string | null) => string }) {
  const t = useT();
  const cur = me.tenant.currency;
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [inputs, setInputs] = useState<Inputs>(EMPTY);
  const [pin, setPin] = useState('');
  const [needPin, setNeedPin] = useState(false); // the card has a PIN: the API says so before it shows anything of it
  const [rewardName, setRewardName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null); // a confirm not yet answered: retried only as itself
  const [lost, setLost] = useState(0); // retries of the pending confirm so far
  const [unsure, setUnsure] = useState(false); // every retry lost its answer too
  const [confirmError, setConfirmError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [reviewing, setReviewing] = useState<PendingReview | null>(null);
  const [round, setRound] = useState(0); // the recent list reads again when it changes
  const onReviewDecided = useCallback(() => setRound((x) => x + 1), []);
  const seq = useRef(0);
  useKeyboardInset();

  const body = (c = code): RedeemBody => {
    const k = check?.card.kind;
    return {
      code: c,
      store_id: storeId,
      ...(inputs.order != null ? { order_amount: Math.round(inputs.order * 100) } : {}),
      ...((k === 'stored_value' || k === 'gift') && inputs.amount != null ? { amount: Math.round(inputs.amount * 100) } : {}),
      ...((k === 'count' || k === 'periodic') && inputs.uses ? { uses: inputs.uses } : {}),
      ...(inputs.products.length ? { product_ids: inputs.products } : {}),
      ...(pin ? { pin } : {}),
      ...(inputs.approval.trim() ? { approval_id: inputs.approval.trim().toLowerCase() } : {}),
    };
  };
  // keep: after a refused confirm, the re-check must not wipe why it was refused (a guard's refusal, an SMS code asked for)
  const runCheck = async (c = code, keep = false) => {
    if (!c.trim()) return;
    const mine = ++seq.current;
    setCheckError(null);
    if (!keep) setConfirmError(null);
    setDone(null);
    try {
      const r = await api.check(body(c));
      if (mine === seq.current) setCheck(r);
    } catch (e) {
      if (mine !== seq.current) return;
      setCheck(null);
      if (e instanceof ApiError && e.code === 'PIN_INVALID') setNeedPin(true);
      setCheckError(e);
    }
  };
  // re-check as the clerk fills in the order: the answer says whether it can be redeemed now
  useEffect(() => {
    if ((check || needPin) && !pending) {
      const h = setTimeout(() => runCheck(), 300);
      return () => clearTimeout(h);
    }
  }, [inputs, pin]);
  // a stamp card names its reward
  const rewardId = check?.template.kind === 'stamp' ? check.template.value.reward_template_id : undefined;
  useEffect(() => {
    setRewardName(null);
    if (rewardId)
      api
        .template(rewardId)
        .then((x) => setRewardName(x.name))
        .catch(() => {});
  }, [rewardId]);

  const startOver = () => {
    setCheck(null);
    setCode('');
    setInputs(EMPTY);
    setPin('');
    setNeedPin(false);
    setPending(null);
    setLost(0);
    setUnsure(false);
  };
  const confirm = async (otp?: OtpProof) => {
    if (!check) return;
    // the confirm's key and body are fixed here; a lost answer is asked again with exactly them
    const p = pending ?? { key: newKey(), body: otp?.challenge_id ? { ...body(), otp } : body() };
    const tpl = check.template;
    let hadLoss = lost > 0;
    setPending(p);
    setBusy(true);
    setUnsure(false);
    setConfirmError(null);
    ++seq.current; // a re-check still in flight would answer for the card as it was before this redemption
    try {
      const r = await redeemSurely(api, p, (n) => {
        hadLoss = true;
        setLost(n);
      });
      ++seq.current;
      if (isPendingReview(r)) {
        setReviewing(r);
        startOver();
        return;
      }
      setDone({ r, templateName: tpl.name, memberName: null, goal: tpl.value.goal ?? null, rewardName, afterLoss: hadLoss });
      startOver();
      setRound((x) => x + 1);
      // who redeemed: the member's name, as this store's redemption list shows it
      api
        .redemptions({ store_id: storeId, card_id: r.card_id, limit: 1 })
        .then((l) => setDone((d) => (d && d.r.id === r.id ? { ...d, memberName: l.data[0]?.member_name ?? null } : d)))
        .catch(() => {});
    } catch (e) {
      if (e instanceof StillUnsure) {
        setUnsure(true); // the pending confirm stays: asking again uses the same key
        setRound((x) => x + 1);
      } else {
        setPending(null);
        setLost(0);
        setConfirmError(e);
        runCheck(code, true);
      }
    } finally {
      setBusy(false);
    }
  };
  const locked = !!pending; // while a confirm is unanswered, nothing about it may change

  return (
    <>
      <Panel size="small" title={t('扫码或输入券码', 'Scan or type the code')}>
        {scanning ? (
          <Scanner
            onCode={(c) => {
              setScanning(false);
              setCode(c);
              setInputs(EMPTY);
              runCheck(c);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" size="large" block icon={<CameraOutlined />} disabled={locked} onClick={() => setScanning(true)}>
              {t('扫码', 'Scan')}
            </Button>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                size="large"
                className="kq-mono"
                placeholder={t('输入券码', 'Type the code')}
                value={code}
                disabled={locked}
                onChange={(e) => {
                  setCode(e.target.value);
                  setInputs(EMPTY);
                  setNeedPin(false);
                  setPin('');
                }}
                onPressEnter={() => runCheck()}
                allowClear
                data-testid="clerk-code"
              />
              <Button size="large" disabled={locked} onClick={() => runCheck()} data-testid="clerk-check">
                {t('查询', 'Check')}
              </Button>
            </Space.Compact>
            {(needPin || check?.card.kind === 'gift') && (
              <Input.Password
                size="large"
                placeholder={t('卡密 / 礼品卡密码', 'Card PIN')}
                value={pin}
                disabled={locked}
                onChange={(e) => setPin(e.target.value)}
                onPressEnter={() => runCheck()}
                data-testid="clerk-pin"
              />
            )}
          </Space>
        )}
      </Panel>

      {checkError != null && <Alert type="error" showIcon title={<ProblemMessage error={checkError} />} data-testid="clerk-error" />}

      {check && (
        <CheckPanel
          check={check}
          inputs={inputs}
          onInputs={setInputs}
          locked={locked}
          currency={cur}
          rewardName={rewardName}
          storeName={storeName}
          tz={me.tenant.time_zone}
        />
      )}

      {check && (
        <div className="kq-till-bar" data-testid="clerk-bar">
          {pending && (lost > 0 || unsure) && (
            <Alert
              type="warning"
              showIcon
              data-testid="clerk-lost"
              title={
                unsure
                  ? t('仍无法确认是否已核销', 'Still cannot tell whether it was redeemed')
                  : t(`网络中断，正在确认是否已核销…（第 ${lost} 次重试）`, `The network dropped; checking whether it was redeemed… (retry ${lost})`)
              }
              description={
                unsure
                  ? t(
                      '请检查网络后点「再次确认」：系统按同一笔请求确认，绝不会重复核销。也可在下方「最近核销」中核对。',
                      'Check the network, then press “Confirm again”: it asks about the same request and never redeems twice. The recent list below shows what went through.',
                    )
                  : t('不会重复核销，请稍候', 'It will not be redeemed twice; please wait')
              }
            />
          )}
          {otpAsked(confirmError) ? (
            <OtpEntry api={api} asked={otpAsked(confirmError)!} busy={busy} onSubmit={(p) => confirm(p)} />
          ) : (
            confirmError != null && <Alert type="error" showIcon title={<ProblemMessage error={confirmError} />} data-testid="clerk-confirm-error" />
          )}
          <Button
            type="primary"
            size="large"
            block
            disabled={!pending && !check.redeemable}
            loading={busy}
            onClick={() => confirm()}
            data-testid="clerk-confirm"
          >
            {unsure ? t('再次确认', 'Confirm again') : t('确认核销', 'Confirm redemption')}
          </Button>
          {unsure && (
            <Popconfirm
              title={t('放弃这次确认？', 'Give up on this confirm?')}
              description={t(
                '若它已核销成功，会出现在「最近核销」中，可在那里撤销。',
                'If it went through, it shows in the recent list, where it can be reversed.',
              )}
              onConfirm={startOver}
            >
              <Button type="link" block data-testid="clerk-give-up">
                {t('放弃，重新查询', 'Give up and start again')}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}

      {reviewing && (
        <ReviewWait
          api={api}
          pending={reviewing}
          currency={cur}
          onDecided={onReviewDecided}
          onClose={() => {
            setReviewing(null);
            setRound((x) => x + 1);
          }}
        />
      )}

      {done && (
        <Receipt
          api={api}
          done={done}
          currency={cur}
          onReversed={() => {
            setDone(null);
            setRound((x) => x + 1);
          }}
        />
      )}

      <Recent
        api={api}
        storeId={storeId}
        currency={cur}
        windowMinutes={me.tenant.reverse_window_minutes}
        round={round}
        onReversed={(r: RedemptionWithCard) => {
          if (done?.r.id === r.id) setDone(null);
        }}
      />
    </>
  );
}

/**
 * Keeps the sticky confirm bar above an on-screen keyboard where the browser only shrinks the visual
 * viewport (iOS Safari): --kq-kb is the keyboard's height. Chrome on Android resizes the page itself
 * (index.html asks for interactive-widget=resizes-content), so there it stays 0.
 */
function useKeyboardInset() {
  useEffect(() => {
    const vv = window.visualViewport;
    if (!vv) return;
    const set = () => document.documentElement.style.setProperty('--kq-kb', `${Math.max(0, Math.round(window.innerHeight - vv.height - vv.offsetTop))}px`);
    set();
    vv.addEventListener('resize', set);
    vv.addEventListener('scroll', set);
    return () => {
      vv.removeEventListener('resize', set);
      vv.removeEventListener('scroll', set);
    };
  }, []);
}
