import { Alert, Form, Input, Radio, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { CommandForm, compact, useRequired } from '../problems/common';
import type { ActionProps } from './actions-officer';
import { caseCommand, remapFields, useRewardLabels } from './common';
import { formatFen } from './money';
import { PAYOUT_METHODS, type ApprovalLevel, type RewardCase } from './types';

/** Who approves at each level. */
export const LEVEL_ROLES: Record<ApprovalLevel, string> = { bureau: 'reward-approver', finance: 'finance', city: 'city-approver' };

/** The level the case waits for: 分局 after the proposal, 财务 after it, 市政府 after finance when especially serious. */
export function pendingLevel(c: RewardCase): ApprovalLevel | undefined {
  if (c.status === 'proposed') return 'bureau';
  if (c.status === 'bureau-approved') return 'finance';
  if (c.status === 'finance-approved' && c.especiallySerious) return 'city';
  return undefined;
}

/** 审批 at the level the case waits for: approve (with a note) or refuse (with a reason: back to 拟奖). */
export function ApprovalForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const required = useRequired();
  const level = pendingLevel(c)!;
  return (
    <CommandForm<{ approved?: boolean; text?: string }>
      name={`approval-${level}`}
      testId="approval-form"
      syncKey={c.version}
      fields={['approved', 'text']}
      intro={
        <Typography.Paragraph>
          {t('rewards.approve.intro', { level: labels.level(level), amount: formatFen(c.proposal?.amountFen ?? c.amountFen) })}
        </Typography.Paragraph>
      }
      submit={(v) =>
        (v.approved
          ? caseCommand(c.rewardId, 'approvals', compact({ level, note: v.text?.trim() }), c.version)
          : caseCommand(c.rewardId, 'refusals', { level, reason: v.text?.trim() ?? '' }, c.version)
        ).catch((e) => {
          // the note of an approval and the reason of a refusal are the same box here
          throw remapFields(e, (f) => (f === 'note' || f === 'reason' ? 'text' : f));
        })
      }
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.approve.done')}
      submitText={t('rewards.approve.submit', { level: labels.level(level) })}
      submitTestId="approval-submit"
    >
      {(item, form) => (
        <>
          <Form.Item name="approved" label={t('rewards.approve.decision')} rules={[required('value')]} {...item('approved')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value={true}>
                <span data-testid="approval-approve">{t('rewards.approve.approve')}</span>
              </Radio.Button>
              <Radio.Button value={false}>
                <span data-testid="approval-refuse">{t('rewards.approve.refuse')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.approved !== b.approved}>
            {() => {
              const refusing = form.getFieldValue('approved') === false;
              return (
                <Form.Item
                  name="text"
                  label={refusing ? t('rewards.approve.reason') : t('rewards.approve.note')}
                  rules={refusing ? [required()] : []}
                  extra={refusing ? t('rewards.approve.refuseHint') : undefined}
                  {...item('text')}
                >
                  <Input.TextArea rows={2} maxLength={500} showCount data-testid="approval-text" />
                </Form.Item>
              );
            }}
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 告知: the reporter learns of the reward through the receipt code and may claim it. */
export function NotifyForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  return (
    <CommandForm
      name="notification"
      testId="notify-form"
      syncKey={c.version}
      fields={[]}
      intro={<Typography.Paragraph>{t('rewards.notify.intro', { amount: formatFen(c.amountFen) })}</Typography.Paragraph>}
      submit={() => caseCommand(c.rewardId, 'notification', {}, c.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.notify.done')}
      submitText={t('rewards.notify.submit')}
      submitTestId="notify-submit"
    />
  );
}

/** 发放: the method, the voucher, and the identity request the payout rests on (the identity itself is never stored here). */
export function PayoutForm({ rewardCase: c, identityRequestId, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const required = useRequired();
  return (
    <CommandForm<{ method: string; reference: string; identityRequestId: string; payerDepartment?: string }>
      name="payout"
      testId="payout-form"
      syncKey={`${c.version}:${identityRequestId ?? ''}`}
      fields={['method', 'reference', 'identityRequestId', 'payerDepartment']}
      codeFields={{ IDENTITY_NOT_RESOLVED: 'identityRequestId', IDENTITY_FOR_ANOTHER_CASE: 'identityRequestId', DUPLICATE_PAYOUT_REFERENCE: 'reference' }}
      initialValues={{ method: c.claim?.method ?? 'bank-transfer', identityRequestId }}
      intro={
        <>
          <Typography.Paragraph>{t('rewards.payout.intro', { amount: formatFen(c.amountFen) })}</Typography.Paragraph>
          {!identityRequestId && <Alert type="info" showIcon title={t('rewards.payout.needIdentity')} style={{ marginBottom: 16 }} />}
        </>
      }
      submit={(v) =>
        caseCommand(
          c.rewardId,
          'payout',
          compact({ method: v.method, reference: v.reference.trim(), identityRequestId: v.identityRequestId?.trim(), payerDepartment: v.payerDepartment?.trim() }),
          c.version,
        )
      }
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.payout.done')}
      submitText={t('rewards.payout.submit')}
      submitTestId="payout-submit"
    >
      {(item) => (
        <>
          <Form.Item name="method" label={t('rewards.payout.method')} required {...item('method')}>
            <Radio.Group options={PAYOUT_METHODS.map((m) => ({ value: m, label: labels.method(m) }))} data-testid="payout-method" />
          </Form.Item>
          <Form.Item name="reference" label={t('rewards.payout.reference')} rules={[required()]} extra={t('rewards.payout.referenceHint')} {...item('reference')}>
            <Input maxLength={100} style={{ maxWidth: 360 }} data-testid="payout-reference" />
          </Form.Item>
          <Form.Item name="identityRequestId" label={t('rewards.payout.identityRequest')} rules={[required()]} extra={t('rewards.payout.identityHint')} {...item('identityRequestId')}>
            <Input maxLength={64} style={{ maxWidth: 420, fontFamily: 'monospace' }} data-testid="payout-identity-request" />
          </Form.Item>
          <Form.Item name="payerDepartment" label={t('rewards.payout.department')} extra={t('rewards.payout.departmentHint')} {...item('payerDepartment')}>
            <Input maxLength={100} style={{ maxWidth: 360 }} data-testid="payout-department" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 不予奖励: close the case as refused, with the reason on the record. */
export function ClosureForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ reason: string }>
      name="closure"
      testId="close-form"
      syncKey={c.version}
      fields={['reason']}
      intro={<Typography.Paragraph type="secondary">{t('rewards.close.intro')}</Typography.Paragraph>}
      submit={(v) => caseCommand(c.rewardId, 'closure', { reason: v.reason.trim() }, c.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.close.done')}
      submitText={t('rewards.close.submit')}
      submitTestId="close-submit"
      danger
    >
      {(item) => (
        <Form.Item name="reason" label={t('rewards.close.reason')} rules={[required()]} {...item('reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="close-reason" />
        </Form.Item>
      )}
    </CommandForm>
  );
}
