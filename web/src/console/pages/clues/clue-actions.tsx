import { Alert, App, Form, Input, Modal, Radio, Select, type FormItemProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n';
import { command, compact, optionsOf, useApiErrors, useRequired, type Reference } from '../problems/common';
import type { Clue, Suggestion } from './types';

export type ClueAction = 'accept' | 'reject' | 'refer' | 'town';

export interface ClueModalProps {
  clue: Clue;
  suggestions: Suggestion[];
  reference?: Reference;
  /** the problem to offer first when accepting (from a suggestion's "accept into its problem") */
  joinProblemId?: string;
  onClose(): void;
  onDone(action: ClueAction): void;
  onConflict(): void;
}

type ItemErrors = (name: string) => Pick<FormItemProps, 'validateStatus' | 'help'>;

const REJECTION_CODES = ['out-of-scope', 'insufficient-information', 'duplicate', 'other'] as const;
const pathOf = (clue: Clue, action: string) => `/api/intake/clues/${clue.clueId}/${action}`;

/** One action as a modal form: field errors from the API at their fields; on 412/409 the clue is reloaded. */
function ActionModal<V extends object>(props: {
  action: ClueAction;
  title: string;
  okText: string;
  fields: string[];
  initialValues?: Partial<V>;
  danger?: boolean;
  submit(values: V): Promise<unknown>;
  successText: string;
  modal: ClueModalProps;
  children(item: ItemErrors): ReactNode;
}) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors(props.fields);
  const finish = async (values: V) => {
    setBusy(true);
    errors.reset();
    try {
      await props.submit(values);
      message.success(props.successText);
      props.modal.onDone(props.action);
    } catch (error) {
      errors.fail(error, () => {
        props.modal.onClose();
        props.modal.onConflict();
      });
    } finally {
      setBusy(false);
    }
  };
  const formId = `clue-${props.action}`;
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('clues.cancel')}
      okButtonProps={{ danger: props.danger, loading: busy, ...{ 'data-testid': `${props.action}-confirm` } }}
      onOk={() => form.submit()}
      onCancel={props.modal.onClose}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        name={formId}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={finish}
        onValuesChange={(changed) => errors.clear(changed as Record<string, unknown>)}
      >
        {props.children(errors.item)}
      </Form>
    </Modal>
  );
}

/** 受理: open a new problem, or join the running problem of a suggested duplicate. */
export function AcceptModal(modal: ClueModalProps) {
  const { t } = useI18n();
  const problems = [...new Map(modal.suggestions.filter((s) => s.problemId).map((s) => [s.problemId!, s])).values()];
  return (
    <ActionModal<{ target: string; note?: string }>
      action="accept"
      modal={modal}
      title={t('clues.accept.title')}
      okText={t('clues.accept.ok')}
      fields={['target', 'joinProblemId', 'note']}
      initialValues={{ target: modal.joinProblemId ?? 'new' }}
      successText={t('clues.accept.done')}
      submit={(v) =>
        command(pathOf(modal.clue, 'accept'), compact({ note: v.note?.trim(), joinProblemId: v.target === 'new' ? undefined : v.target }), modal.clue.version)
      }
    >
      {(item) => (
        <>
          <Form.Item name="target" label={t('clues.accept.how')} {...(item('joinProblemId').help ? item('joinProblemId') : item('target'))}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              <Radio value="new">{t('clues.accept.new')}</Radio>
              {problems.map((s) => (
                <Radio key={s.problemId} value={s.problemId}>
                  {t('clues.accept.join', { text: s.description.length > 30 ? `${s.description.slice(0, 30)}…` : s.description })}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('clues.accept.note')} extra={t('clues.internalNote')} {...item('note')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** 不予受理: a reason code and an explanation the reporter will read. */
export function RejectModal(modal: ClueModalProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <ActionModal<{ reasonCode?: string; reason: string }>
      action="reject"
      modal={modal}
      danger
      title={t('clues.reject.title')}
      okText={t('clues.reject.ok')}
      fields={['reasonCode', 'reason']}
      successText={t('clues.reject.done')}
      submit={(v) => command(pathOf(modal.clue, 'reject'), { reasonCode: v.reasonCode, reason: v.reason?.trim() ?? '' }, modal.clue.version)}
    >
      {(item) => (
        <>
          <Alert type="warning" showIcon title={t('clues.reject.shown')} style={{ marginBottom: 16 }} />
          <Form.Item name="reasonCode" label={t('clues.reject.code')} rules={[required('value')]} {...item('reasonCode')}>
            <Select options={REJECTION_CODES.map((c) => ({ value: c, label: t(`clues.rejection.${c}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('clues.reject.reason')} rules={[required()]} extra={t('clues.reject.reasonHelp')} {...item('reason')}>
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** 转交: to another authority (told to the reporter), with an internal note. */
export function ReferModal(modal: ClueModalProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <ActionModal<{ authority: string; note?: string }>
      action="refer"
      modal={modal}
      title={t('clues.refer.title')}
      okText={t('clues.refer.ok')}
      fields={['authority', 'note']}
      successText={t('clues.refer.done')}
      submit={(v) => command(pathOf(modal.clue, 'refer'), compact({ authority: v.authority?.trim() ?? '', note: v.note?.trim() }), modal.clue.version)}
    >
      {(item) => (
        <>
          <Form.Item name="authority" label={t('clues.refer.authority')} rules={[required()]} extra={t('clues.refer.shown')} {...item('authority')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={t('clues.refer.note')} extra={t('clues.internalNote')} {...item('note')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** 更正属地镇街. */
export function TownModal(modal: ClueModalProps) {
  const { t, pick } = useI18n();
  const required = useRequired();
  return (
    <ActionModal<{ townCode?: string; reason?: string }>
      action="town"
      modal={modal}
      title={t('clues.town.title')}
      okText={t('clues.town.ok')}
      fields={['townCode', 'reason']}
      initialValues={{ townCode: modal.clue.town?.code }}
      successText={t('clues.town.done')}
      submit={(v) => command(pathOf(modal.clue, 'town'), compact({ townCode: v.townCode, reason: v.reason?.trim() }))}
    >
      {(item) => (
        <>
          <Form.Item name="townCode" label={t('clues.field.town')} rules={[required('value')]} {...item('townCode')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={optionsOf(modal.reference?.towns, pick)} />
          </Form.Item>
          <Form.Item name="reason" label={t('clues.town.reason')} {...item('reason')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}
