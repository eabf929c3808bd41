import { Button, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { CommandForm, useRequired } from '../problems/common';
import { MONITORING_API, useMonitoringLabels } from './common';
import { VERIFICATION_RESULTS, type VerificationResult } from './types';

interface ResultValues {
  result: VerificationResult;
  findings: string;
  evidenceRefs?: string[];
}

/** 核查结果: the conclusion, what was found, and the evidence references (photos, body camera, sampling forms). */
export function VerificationResultForm({ alarmId, onDone, onConflict }: { alarmId: string; onDone(next: unknown): void; onConflict(): void }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const required = useRequired();
  return (
    <CommandForm<ResultValues>
      name={`verification-${alarmId.slice(-8)}`}
      testId="verification-form"
      fields={['result', 'findings', 'evidenceRefs']}
      codeFields={{ EVIDENCE_REQUIRED: 'evidenceRefs', FINDINGS_REQUIRED: 'findings', BAD_RESULT: 'result' }}
      intro={<Typography.Paragraph type="secondary">{t('monitoring.verify.intro')}</Typography.Paragraph>}
      submit={(v) =>
        api(`${MONITORING_API}/alarms/${alarmId}/verification/result`, {
          method: 'POST',
          json: { result: v.result, findings: v.findings.trim(), evidenceRefs: v.evidenceRefs ?? [] },
        })
      }
      onDone={onDone}
      onConflict={onConflict}
      successText={t('monitoring.verify.done')}
      submitText={t('monitoring.verify.submit')}
      submitTestId="verify-submit"
    >
      {(item) => (
        <>
          <Form.Item name="result" label={t('monitoring.verify.result')} rules={[required('value')]} {...item('result')}>
            <Radio.Group>
              <Flex vertical gap={8}>
                {VERIFICATION_RESULTS.map((r) => (
                  <Radio key={r} value={r} data-testid={`verify-result-${r}`}>
                    {labels.result(r)}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="findings" label={t('monitoring.verify.findings')} rules={[required()]} {...item('findings')}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="verify-findings" />
          </Form.Item>
          <Form.Item name="evidenceRefs" label={t('monitoring.verify.evidenceRefs')} extra={t('monitoring.verify.evidenceHint')} {...item('evidenceRefs')}>
            <EvidenceRefs />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** A list of evidence references typed one at a time (Enter or the add button), each removable. */
export function EvidenceRefs({ value = [], onChange }: { value?: string[]; onChange?(next: string[]): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const add = () => {
    const ref = text.trim();
    if (ref && !value.includes(ref)) onChange?.([...value, ref]);
    setText('');
  };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <Input
          value={text}
          maxLength={200}
          placeholder={t('monitoring.verify.evidencePlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            add();
          }}
          data-testid="evidence-input"
        />
        <Button onClick={add} data-testid="evidence-add">
          {t('monitoring.verify.evidenceAdd')}
        </Button>
      </Flex>
      {value.length > 0 && (
        <Flex gap={6} wrap>
          {value.map((ref) => (
            <Tag key={ref} closable onClose={() => onChange?.(value.filter((r) => r !== ref))} data-testid="evidence-item" style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
              {ref}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
