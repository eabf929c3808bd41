import { Form, Input, InputNumber, Select, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { TOWN_CODES } from '../enforcement/common';
import { CommandForm, compact, useRequired } from '../problems/common';
import { MONITORING_API, MONITORING_ROLES, useMonitoringLabels } from './common';
import type { AlarmDetail } from './types';
import { VerificationResultForm } from './verification-form';

export const ACTIONS = ['acknowledge', 'warn', 'explain', 'assign', 'verify', 'supervise', 'closeSupervision', 'close'] as const;
export type AlarmAction = (typeof ACTIONS)[number];

/** The actions the alarm's stage allows and the user's roles permit (the service decides again). */
export function allowedActions(a: AlarmDetail, can: (...roles: string[]) => boolean): AlarmAction[] {
  const lastResult = [...a.tasks].reverse().find((x) => x.status === 'recorded')?.result;
  const allowed: Record<AlarmAction, boolean> = {
    acknowledge: !a.acknowledgedAt && a.stage !== 'closed',
    warn: a.stage === 'alarm',
    explain: a.stage === 'warned' && !a.warning?.explanation,
    assign: a.stage === 'alarm' || a.stage === 'warned' || (a.stage === 'verified' && lastResult !== 'confirmed'),
    verify: a.stage === 'verifying',
    supervise: a.stage === 'verified' && lastResult === 'confirmed',
    closeSupervision: a.stage === 'supervised',
    close: a.status === 'open' && a.stage !== 'supervised' && a.stage !== 'closed',
  };
  return ACTIONS.filter((action) => allowed[action] && can(...MONITORING_ROLES[action]));
}

export interface AlarmActionProps {
  alarm: AlarmDetail;
  onDone(next: unknown): void;
  onConflict(): void;
}

const post = (alarmId: string, action: string, json: unknown) => api(`${MONITORING_API}/alarms/${alarmId}/${action}`, { method: 'POST', json });

/** The forms of the actions allowed now, as tabs; the first one (in the order of the procedure) is open. */
export function AlarmActions({ actions, ...props }: AlarmActionProps & { actions: AlarmAction[] }) {
  const { t } = useI18n();
  const [active, setActive] = useState<string>();
  const forms: Record<AlarmAction, () => ReactNode> = {
    acknowledge: () => <AcknowledgeForm {...props} />,
    warn: () => <WarnForm {...props} />,
    explain: () => <ExplainForm {...props} />,
    assign: () => <AssignForm {...props} />,
    verify: () => <VerificationResultForm alarmId={props.alarm.alarmId} onDone={props.onDone} onConflict={props.onConflict} />,
    supervise: () => <SuperviseForm {...props} />,
    closeSupervision: () => <CloseSupervisionForm {...props} />,
    close: () => <CloseForm {...props} />,
  };
  // the first step of the procedure that is still open, unless the user picked another
  const preferred = actions.find((a) => a !== 'acknowledge' && a !== 'close') ?? actions[0];
  return (
    <Tabs
      activeKey={active && actions.includes(active as AlarmAction) ? active : preferred}
      onChange={setActive}
      items={actions.map((key) => ({ key, label: <span data-testid={`action-tab-${key}`}>{t(`monitoring.action.${key}`)}</span>, children: forms[key]() }))}
    />
  );
}

function AcknowledgeForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  return (
    <CommandForm<{ note?: string }>
      name="acknowledge"
      fields={['note']}
      intro={<Typography.Paragraph type="secondary">{t('monitoring.acknowledge.intro')}</Typography.Paragraph>}
      submit={(v) => post(alarm.alarmId, 'acknowledge', compact({ note: v.note?.trim() }))}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.acknowledge.done')}
      submitText={t('monitoring.action.acknowledge')}
      submitTestId="acknowledge-submit"
    >
      {(item) => (
        <Form.Item name="note" label={t('monitoring.field.note')} {...item('note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="acknowledge-note" />
        </Form.Item>
      )}
    </CommandForm>
  );
}

function WarnForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ message: string }>
      name="warn"
      fields={['message']}
      codeFields={{ MESSAGE_REQUIRED: 'message' }}
      initialValues={{ message: t('monitoring.warn.suggested', { summary: alarm.summary }) }}
      intro={<Typography.Paragraph type="secondary">{t('monitoring.warn.intro')}</Typography.Paragraph>}
      submit={(v) => post(alarm.alarmId, 'remote-warning', { message: v.message.trim() })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.warn.done')}
      submitText={t('monitoring.warn.submit')}
      submitTestId="warn-submit"
    >
      {(item) => (
        <Form.Item name="message" label={t('monitoring.warn.message')} rules={[required()]} {...item('message')}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="warn-message" />
        </Form.Item>
      )}
    </CommandForm>
  );
}

function ExplainForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ explanation: string }>
      name="explain"
      fields={['explanation']}
      codeFields={{ EXPLANATION_REQUIRED: 'explanation' }}
      submit={(v) => post(alarm.alarmId, 'explanation', { explanation: v.explanation.trim() })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.explain.done')}
      submitText={t('monitoring.explain.submit')}
      submitTestId="explain-submit"
    >
      {(item) => (
        <Form.Item name="explanation" label={t('monitoring.explain.explanation')} rules={[required()]} {...item('explanation')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="explain-text" />
        </Form.Item>
      )}
    </CommandForm>
  );
}

function AssignForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  return (
    <CommandForm<{ townCode?: string; assigneeName?: string }>
      name="assign"
      fields={['townCode', 'assigneeId', 'assigneeName']}
      initialValues={{ townCode: alarm.townCode }}
      intro={<Typography.Paragraph type="secondary">{t('monitoring.assign.intro')}</Typography.Paragraph>}
      submit={(v) => post(alarm.alarmId, 'verification', compact({ townCode: v.townCode, assigneeName: v.assigneeName?.trim() }))}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.assign.done')}
      submitText={t('monitoring.assign.submit')}
      submitTestId="assign-submit"
    >
      {(item) => (
        <>
          <Form.Item name="townCode" label={t('monitoring.assign.town')} extra={t('monitoring.assign.townHint')} {...item('townCode')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="assign-town"
              options={TOWN_CODES.map((code) => ({ value: code, label: labels.town(code) }))}
            />
          </Form.Item>
          <Form.Item name="assigneeName" label={t('monitoring.assign.assigneeName')} {...item('assigneeName')}>
            <Input maxLength={100} data-testid="assign-name" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

function SuperviseForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ department: string; requirement: string; dueDays: number }>
      name="supervise"
      fields={['department', 'requirement', 'dueDays']}
      codeFields={{ BAD_DUE_DAYS: 'dueDays' }}
      initialValues={{ dueDays: 15 }}
      intro={<Typography.Paragraph type="secondary">{t('monitoring.supervise.intro')}</Typography.Paragraph>}
      submit={(v) => post(alarm.alarmId, 'supervision', { department: v.department.trim(), requirement: v.requirement.trim(), dueDays: v.dueDays })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.supervise.done')}
      submitText={t('monitoring.supervise.submit')}
      submitTestId="supervise-submit"
    >
      {(item) => (
        <>
          <Form.Item name="department" label={t('monitoring.supervise.department')} rules={[required()]} {...item('department')}>
            <Input maxLength={100} data-testid="supervise-department" />
          </Form.Item>
          <Form.Item name="requirement" label={t('monitoring.supervise.requirement')} rules={[required()]} {...item('requirement')}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="supervise-requirement" />
          </Form.Item>
          <Form.Item name="dueDays" label={t('monitoring.supervise.dueDays')} rules={[required('value')]} {...item('dueDays')}>
            <InputNumber min={1} max={365} precision={0} suffix={t('monitoring.days')} style={{ width: 160 }} data-testid="supervise-days" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

function CloseSupervisionForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ outcome: string }>
      name="close-supervision"
      fields={['outcome']}
      codeFields={{ OUTCOME_REQUIRED: 'outcome' }}
      submit={(v) => post(alarm.alarmId, 'supervision/close', { outcome: v.outcome.trim() })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.closeSupervision.done')}
      submitText={t('monitoring.closeSupervision.submit')}
      submitTestId="close-supervision-submit"
    >
      {(item) => (
        <Form.Item name="outcome" label={t('monitoring.closeSupervision.outcome')} rules={[required()]} {...item('outcome')}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="close-supervision-outcome" />
        </Form.Item>
      )}
    </CommandForm>
  );
}

function CloseForm({ alarm, onDone, onConflict }: AlarmActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ note: string }>
      name="close"
      fields={['note']}
      codeFields={{ NOTE_REQUIRED: 'note' }}
      intro={<Typography.Paragraph type="secondary">{t('monitoring.close.intro')}</Typography.Paragraph>}
      submit={(v) => post(alarm.alarmId, 'close', { note: v.note.trim() })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.close.done')}
      submitText={t('monitoring.close.submit')}
      submitTestId="close-submit"
      danger
    >
      {(item) => (
        <Form.Item name="note" label={t('monitoring.close.note')} rules={[required()]} {...item('note')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="close-note" />
        </Form.Item>
      )}
    </CommandForm>
  );
}
