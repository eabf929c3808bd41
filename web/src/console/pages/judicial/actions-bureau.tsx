import { Alert, App, Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { CommandForm, useApiErrors, useRequired, useSeparators } from '../problems/common';
import { DecisionForm, type ActionProps } from './action-forms';
import { transferCommand, useJudicialLabels } from './common';
import { missingKinds, useRequiredMaterials } from './materials';
import type { TransferDetail } from './types';

/** 负责人审批: approve the transfer, or not with the reasons (the transfer then ends). */
export function ApprovalForm(props: ActionProps) {
  return <DecisionForm {...props} spec={{ action: 'approval', flag: 'approved', event: 'TransferApprovalDecided', document: false, reasons: 'when-no' }} />;
}

/**
 * 移送: to the police, copied to the procuratorate, within 24 hours of the approval. The service refuses while a
 * required material is missing; the refusal is shown with the missing materials in words.
 */
export function SendForm({ transfer: x, onDone, onConflict }: ActionProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const labels = useJudicialLabels();
  const sep = useSeparators();
  const required = useRequiredMaterials(x.kind);
  const missing = missingKinds(required, x.materials);
  const errors = useApiErrors([]);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ text: string; kinds: string[] }>();
  const send = async () => {
    setBusy(true);
    setRefused(undefined);
    try {
      const next = await transferCommand(x.transferId, 'sending');
      message.success(t('judicial.action.sending.done'));
      onDone(next);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MATERIALS_INCOMPLETE') setRefused({ text: pick(error.text), kinds: missing });
      else errors.fail(error, onConflict);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={12} data-testid="action-form-sending" style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('judicial.action.sending.intro', { police: x.police.name, procuratorate: x.procuratorate.name })}
      </Typography.Paragraph>
      {!refused && missing.length > 0 && (
        <Alert type="warning" showIcon title={t('judicial.action.sending.willRefuse', { list: missing.map((k) => labels.material(k)).join(sep.list) })} />
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="send-refused"
          title={t('judicial.action.sending.refused')}
          description={
            <Flex vertical gap={4}>
              <span data-testid="send-refused-missing">{t('judicial.materials.missing', { list: refused.kinds.map((k) => labels.material(k)).join(sep.list) })}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {refused.text}
              </Typography.Text>
            </Flex>
          }
        />
      )}
      <div>
        <Button type="primary" onClick={send} loading={busy} data-testid="action-submit-sending">
          {t('judicial.action.sending.submit')}
        </Button>
      </div>
    </Flex>
  );
}

interface SupplementValues {
  materialIds: string[];
  note?: string;
}

/** 补充材料: the materials added for the police's request (add them in the checklist first), within 3 days. */
export function SupplementForm({ transfer: x, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const required = useRequired();
  // the materials added since the police asked are the likely answer
  const asked = [...x.history].reverse().find((h) => h.type === 'MaterialsRequested');
  const sent = new Set<string>((x.history.find((h) => h.type === 'TransferSent')?.data.materialIds as string[] | undefined) ?? []);
  const fresh = x.materials.filter((m) => !sent.has(m.materialId)).map((m) => m.materialId);
  return (
    <CommandForm<SupplementValues>
      name="action-supplement"
      testId="action-form-supplement"
      fields={['materialIds', 'note']}
      codeFields={{ MATERIAL_UNKNOWN: 'materialIds' }}
      initialValues={{ materialIds: fresh }}
      syncKey={fresh.join(',')}
      intro={
        <Typography.Paragraph type="secondary">
          {t('judicial.action.supplement.intro')}
          {asked?.data.missing ? ` ${t('judicial.action.supplement.asked', { missing: String(asked.data.missing) })}` : ''}
        </Typography.Paragraph>
      }
      submit={(v) => transferCommand(x.transferId, 'supplement', { materialIds: v.materialIds, ...(v.note?.trim() ? { note: v.note.trim() } : {}) })}
      onDone={(next) => onDone(next as TransferDetail)}
      onConflict={onConflict}
      successText={t('judicial.action.supplement.done')}
      submitText={t('judicial.action.supplement.submit')}
      submitTestId="action-submit-supplement"
    >
      {(item) => (
        <>
          <Form.Item name="materialIds" label={t('judicial.form.materialIds')} rules={[required('value')]} {...item('materialIds')}>
            <Checkbox.Group>
              <Flex vertical gap={4}>
                {x.materials.map((m) => (
                  <Checkbox key={m.materialId} value={m.materialId} data-testid="supplement-material">
                    {labels.material(m.materialKind)} · {m.title}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="note" label={t('judicial.form.note')} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
