import { Alert, Checkbox, DatePicker, Divider, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../shared/i18n';
import { beijingToday, command, CommandForm, compact, lines, useRequired, useSeparators, type Reference } from './common';
import type { Problem, Timeline } from './types';

/** What every action form gets from the problem page. */
export interface ActionProps {
  problem: Problem;
  reference: Reference;
  timeline?: Timeline;
  userId: string;
  onDone(result?: unknown): void;
  onConflict(): void;
}

export const pathOf = (p: Problem, action: string) => `/api/cases/problems/${p.problemId}/${action}`;

/** 签收 (the clock starts) or 退回 (back to the bureau with a reason). */
export function SignOffForms({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  const limit = problem.timeLimit?.date
    ? t('problems.timeLimit.date', { date: problem.timeLimit.date })
    : problem.timeLimit?.workingDays
      ? t('problems.timeLimit.days', { n: problem.timeLimit.workingDays })
      : '';
  return (
    <>
      <CommandForm
        name="sign-off"
        syncKey={problem.version}
        fields={[]}
        intro={<Typography.Paragraph>{t('problems.signOff.intro', { limit })}</Typography.Paragraph>}
        submit={() => command(pathOf(problem, 'sign-off'), {}, problem.version)}
        onDone={onDone}
        onConflict={onConflict}
        successText={t('problems.signOff.done')}
        submitText={t('problems.signOff.submit')}
        submitTestId="sign-off"
      />
      <Divider />
      <CommandForm<{ reason: string }>
        name="return"
        syncKey={problem.version}
        fields={['reason']}
        submit={(v) => command(pathOf(problem, 'return'), v, problem.version)}
        onDone={onDone}
        onConflict={onConflict}
        successText={t('problems.return.done')}
        submitText={t('problems.return.submit')}
        submitTestId="return-problem"
        danger
      >
        {(item) => (
          <Form.Item name="reason" label={t('problems.return.reason')} rules={[required()]} {...item('reason')}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
        )}
      </CommandForm>
    </>
  );
}

export function ProgressForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ summary: string; attachments?: string }>
      name="progress"
      syncKey={problem.version}
      fields={['summary', 'attachments']}
      submit={(v) => command(pathOf(problem, 'progress'), compact({ summary: v.summary, attachments: lines(v.attachments).length ? lines(v.attachments) : undefined }))}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.progress.done')}
      submitText={t('problems.progress.submit')}
    >
      {(item) => (
        <>
          <Form.Item name="summary" label={t('problems.progress.summary')} rules={[required()]} {...item('summary')}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="attachments" label={t('problems.field.attachments')} extra={t('problems.onePerLine')} {...item('attachments')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

export function ExtensionRequestForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  const after = problem.deadline ?? beijingToday();
  return (
    <CommandForm<{ requestedDeadline?: Dayjs; reason: string }>
      name="extension-request"
      syncKey={problem.version}
      fields={['requestedDeadline', 'reason']}
      codeFields={{ EXTENSION_NOT_LATER: 'requestedDeadline' }}
      intro={problem.deadline && <Typography.Paragraph>{t('problems.extension.current', { date: problem.deadline })}</Typography.Paragraph>}
      submit={(v) => command(pathOf(problem, 'extension-request'), { requestedDeadline: v.requestedDeadline?.format('YYYY-MM-DD'), reason: v.reason }, problem.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.extension.requested')}
      submitText={t('problems.extension.request')}
    >
      {(item) => (
        <>
          <Form.Item name="requestedDeadline" label={t('problems.extension.requestedDeadline')} rules={[required('value')]} {...item('requestedDeadline')}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= after} />
          </Form.Item>
          <Form.Item name="reason" label={t('problems.extension.reason')} rules={[required()]} {...item('reason')}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

export function RectificationForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ summary: string; evidence?: string }>
      name="rectification"
      syncKey={problem.version}
      fields={['summary', 'evidence']}
      codeFields={{ EVIDENCE_REQUIRED: 'evidence' }}
      intro={<Typography.Paragraph type="secondary">{t('problems.rectification.intro')}</Typography.Paragraph>}
      submit={(v) => command(pathOf(problem, 'rectification'), { summary: v.summary ?? '', evidence: lines(v.evidence) }, problem.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.rectification.done')}
      submitText={t('problems.rectification.submit')}
      submitTestId="rectification-submit"
    >
      {(item) => (
        <>
          <Form.Item name="summary" label={t('problems.rectification.summary')} rules={[required()]} {...item('summary')}>
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="rectification-summary" />
          </Form.Item>
          <Form.Item name="evidence" label={t('problems.rectification.evidence')} rules={[required()]} extra={t('problems.rectification.evidenceHelp')} {...item('evidence')}>
            <Input.TextArea rows={3} data-testid="rectification-evidence" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 核查: a pass closes out (销号), a fail sends it back; never by the person who reported the rectification. */
export function VerificationForm({ problem, reference, timeline, userId, onDone, onConflict }: ActionProps) {
  const { t, pick } = useI18n();
  const required = useRequired();
  const sep = useSeparators();
  const reported = [...(timeline?.events ?? [])].reverse().find((e) => e.type === 'RectificationReported');
  const own = reported?.data.reportedBy === userId;
  return (
    <CommandForm<{ passed?: boolean; opinion: string; violationConfirmed?: boolean; violationKinds?: string[] }>
      name="verification"
      syncKey={problem.version}
      fields={['passed', 'opinion', 'violation']}
      codeFields={{ CLOSE_WITHOUT_EVIDENCE: 'passed', VIOLATION_KINDS_REQUIRED: 'violation', VIOLATION_KINDS_WITHOUT_VIOLATION: 'violation' }}
      disabled={own}
      intro={
        <>
          {own && <Alert type="warning" showIcon title={t('problems.verify.own')} style={{ marginBottom: 16 }} />}
          {reported && (
            <Typography.Paragraph>
              <Typography.Text type="secondary">{t('problems.verify.reported')}{sep.colon}</Typography.Text>
              {reported.data.summary}
              <br />
              <Typography.Text type="secondary">{t('problems.rectification.evidence')}{sep.colon}</Typography.Text>
              {(reported.data.evidence ?? []).join(sep.list)}
            </Typography.Paragraph>
          )}
        </>
      }
      submit={(v) =>
        command(
          pathOf(problem, 'verification'),
          {
            passed: v.passed,
            opinion: v.opinion ?? '',
            ...(v.passed ? { violation: { confirmed: Boolean(v.violationConfirmed), kinds: v.violationConfirmed ? (v.violationKinds ?? []) : [] } } : {}),
          },
          problem.version,
        )
      }
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.verify.done')}
      submitText={t('problems.verify.submit')}
      submitTestId="verify-submit"
    >
      {(item) => (
        <>
          <Form.Item name="passed" label={t('problems.verify.result')} rules={[required('value')]} {...item('passed')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value={true}>
                <span data-testid="verify-pass">{t('problems.verify.pass')}</span>
              </Radio.Button>
              <Radio.Button value={false}>
                <span data-testid="verify-fail">{t('problems.verify.fail')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="opinion" label={t('problems.verify.opinion')} rules={[required()]} {...item('opinion')}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="verify-opinion" />
          </Form.Item>
          <Form.Item noStyle dependencies={['passed', 'violationConfirmed']}>
            {({ getFieldValue }) =>
              getFieldValue('passed') === true && (
                <>
                  <Form.Item name="violationConfirmed" valuePropName="checked" extra={t('problems.verify.violationHelp')} {...item('violation')}>
                    <Checkbox data-testid="verify-violation">{t('problems.verify.violation')}</Checkbox>
                  </Form.Item>
                  {getFieldValue('violationConfirmed') && (
                    <Form.Item name="violationKinds" label={t('problems.verify.violationKinds')} rules={[{ required: true, type: 'array', min: 1, message: t('problems.verify.violationKindsRequired') }]}>
                      <Checkbox.Group data-testid="verify-violation-kinds" style={{ display: 'grid', gap: 4 }}>
                        {reference.violationKinds.map((k) => (
                          <Checkbox key={k.code} value={k.code} data-testid={`violation-${k.code}`}>
                            {pick(k)}
                          </Checkbox>
                        ))}
                      </Checkbox.Group>
                    </Form.Item>
                  )}
                </>
              )
            }
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
