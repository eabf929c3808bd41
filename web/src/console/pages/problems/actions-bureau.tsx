import { Checkbox, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../shared/i18n';
import { command, CommandForm, compact, lines, optionsOf, useRequired, useSeparators } from './common';
import { pathOf, type ActionProps } from './actions-unit';

const day = (d?: Dayjs | null) => d?.format('YYYY-MM-DD');

/** 研判: category, severity, whether it crosses towns or departments. */
export function TriageForm({ problem, reference, onDone, onConflict }: ActionProps) {
  const { t, pick } = useI18n();
  return (
    <CommandForm<{ category: string; severity: string; crossTown: boolean; crossDepartment: boolean; note?: string }>
      name="triage"
      syncKey={problem.version}
      fields={['category', 'severity', 'crossTown', 'crossDepartment', 'note']}
      initialValues={{
        category: problem.category?.code,
        severity: problem.severity?.code ?? 'general',
        crossTown: problem.crossTown,
        crossDepartment: problem.crossDepartment,
      }}
      submit={(v) => command(pathOf(problem, 'triage'), compact({ ...v, crossTown: !!v.crossTown, crossDepartment: !!v.crossDepartment }), problem.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.triage.done')}
      submitText={t('problems.triage.submit')}
    >
      {(item) => (
        <>
          <Form.Item name="category" label={t('problems.field.category')} required {...item('category')}>
            <Select options={optionsOf(reference.categories, pick)} style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="severity" label={t('problems.field.severity')} required {...item('severity')}>
            <Radio.Group optionType="button" options={['general', 'serious', 'major'].map((s) => ({ value: s, label: t(`problems.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="crossTown" valuePropName="checked" style={{ marginBottom: 8 }} {...item('crossTown')}>
            <Checkbox>{t('problems.field.crossTown')}</Checkbox>
          </Form.Item>
          <Form.Item name="crossDepartment" valuePropName="checked" {...item('crossDepartment')}>
            <Checkbox>{t('problems.field.crossDepartment')}</Checkbox>
          </Form.Item>
          <Form.Item name="note" label={t('problems.field.note')} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 会商: 专题会议, 实地调研 or 专家会审. */
export function ConsultationForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ kind: string; date?: Dayjs; participants?: string; conclusion: string; attachments?: string }>
      name="consultation"
      syncKey={problem.version}
      fields={['kind', 'date', 'participants', 'conclusion', 'attachments']}
      initialValues={{ kind: 'thematic-meeting' }}
      submit={(v) =>
        command(pathOf(problem, 'consultations'), {
          kind: v.kind,
          date: day(v.date),
          participants: lines(v.participants),
          conclusion: v.conclusion ?? '',
          attachments: lines(v.attachments),
        })
      }
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.consultation.done')}
      submitText={t('problems.consultation.submit')}
    >
      {(item) => (
        <>
          <Form.Item name="kind" label={t('problems.consultation.kind')} required {...item('kind')}>
            <Radio.Group options={['thematic-meeting', 'field-survey', 'expert-review'].map((k) => ({ value: k, label: t(`problems.consultation.${k}`) }))} />
          </Form.Item>
          <Form.Item name="date" label={t('problems.field.date')} rules={[required('value')]} {...item('date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="participants" label={t('problems.consultation.participants')} rules={[required()]} extra={t('problems.onePerLine')} {...item('participants')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="conclusion" label={t('problems.consultation.conclusion')} rules={[required()]} {...item('conclusion')}>
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

/** 延期审批: approve (the deadline moves) or refuse. */
export function ExtensionDecisionForm({ problem, timeline, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  const sep = useSeparators();
  const request = [...(timeline?.events ?? [])].reverse().find((e) => e.type === 'ExtensionRequested');
  return (
    <CommandForm<{ approved?: boolean; note?: string }>
      name="extension-decision"
      syncKey={problem.version}
      fields={['approved', 'note']}
      intro={
        <Typography.Paragraph>
          {t('problems.extension.pending', { from: problem.deadline ?? '—', to: problem.requestedDeadline ?? '—' })}
          {request?.data.reason && (
            <>
              <br />
              <Typography.Text type="secondary">{t('problems.extension.reason')}{sep.colon}</Typography.Text>
              {request.data.reason}
            </>
          )}
        </Typography.Paragraph>
      }
      submit={(v) => command(pathOf(problem, 'extension-decision'), compact({ approved: v.approved, note: v.note }), problem.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.extension.decided')}
      submitText={t('problems.extension.decide')}
    >
      {(item) => (
        <>
          <Form.Item name="approved" label={t('problems.extension.decision')} rules={[required('value')]} {...item('approved')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: t('problems.extension.approve') },
                { value: false, label: t('problems.extension.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('problems.field.note')} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 督办 / 挂牌督办 (a listed problem cannot go back to plain supervision). */
export function SupervisionForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const supervised = problem.supervision?.code === 'supervised';
  const required = useRequired();
  return (
    <CommandForm<{ level: string; note: string }>
      name="supervision"
      syncKey={problem.version}
      fields={['level', 'note']}
      initialValues={{ level: supervised ? 'listed' : 'supervised' }}
      submit={(v) => command(pathOf(problem, 'supervision'), { level: v.level, note: v.note ?? '' })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.supervision.done')}
      submitText={t('problems.supervision.submit')}
    >
      {(item) => (
        <>
          <Form.Item name="level" label={t('problems.supervision.level')} required {...item('level')}>
            <Radio.Group
              options={[
                { value: 'supervised', label: t('problems.supervision.supervised'), disabled: supervised },
                { value: 'listed', label: t('problems.supervision.listed') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('problems.supervision.note')} rules={[required()]} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 报市政府协调 (only across towns or departments; the page offers it only then). */
export function CityCoordinationForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ reason: string }>
      name="city-coordination"
      syncKey={problem.version}
      fields={['reason']}
      intro={<Typography.Paragraph type="secondary">{t('problems.city.intro')}</Typography.Paragraph>}
      submit={(v) => command(pathOf(problem, 'city-coordination'), { reason: v.reason ?? '' })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.city.done')}
      submitText={t('problems.city.submit')}
    >
      {(item) => (
        <Form.Item name="reason" label={t('problems.city.reason')} rules={[required()]} {...item('reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      )}
    </CommandForm>
  );
}

/** 联合执法, 联合督查, 联合现场检查. */
export function JointActionForm({ problem, reference, onDone, onConflict }: ActionProps) {
  const { t, pick } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ kind: string; departments?: string[]; date?: Dayjs; summary: string }>
      name="joint-action"
      syncKey={problem.version}
      fields={['kind', 'departments', 'date', 'summary']}
      initialValues={{ kind: 'joint-enforcement', departments: problem.leadDepartment ? [problem.leadDepartment.code] : [] }}
      submit={(v) => command(pathOf(problem, 'joint-actions'), { kind: v.kind, departments: v.departments ?? [], date: day(v.date), summary: v.summary ?? '' })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.joint.done')}
      submitText={t('problems.joint.submit')}
    >
      {(item) => (
        <>
          <Form.Item name="kind" label={t('problems.joint.kind')} required {...item('kind')}>
            <Radio.Group options={['joint-enforcement', 'joint-supervision', 'joint-site-check'].map((k) => ({ value: k, label: t(`problems.joint.${k}`) }))} />
          </Form.Item>
          <Form.Item name="departments" label={t('problems.joint.departments')} rules={[required('value')]} {...item('departments')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={optionsOf(reference.departments, pick)} />
          </Form.Item>
          <Form.Item name="date" label={t('problems.field.date')} rules={[required('value')]} {...item('date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="summary" label={t('problems.joint.summary')} rules={[required()]} {...item('summary')}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 涉嫌环境犯罪: published for the judicial bridge (行刑衔接). */
export function SuspectedCrimeForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ basis: string; criteria?: string }>
      name="suspected-crime"
      syncKey={problem.version}
      fields={['basis', 'criteria']}
      intro={<Typography.Paragraph type="secondary">{t('problems.crime.intro')}</Typography.Paragraph>}
      submit={(v) => command(pathOf(problem, 'suspected-crime'), { basis: v.basis ?? '', criteria: lines(v.criteria) })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.crime.done')}
      submitText={t('problems.crime.submit')}
      danger
    >
      {(item) => (
        <>
          <Form.Item name="basis" label={t('problems.crime.basis')} rules={[required()]} {...item('basis')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="criteria" label={t('problems.crime.criteria')} extra={t('problems.onePerLine')} {...item('criteria')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 重办: a closed problem came back (or the reporter complained): a new linked problem. */
export function ReopenForm({ problem, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ reason: string; note: string }>
      name="reopen"
      syncKey={problem.version}
      fields={['reason', 'note']}
      initialValues={{ reason: 'recurrence' }}
      intro={<Typography.Paragraph type="secondary">{t('problems.reopen.intro')}</Typography.Paragraph>}
      submit={(v) => command(pathOf(problem, 'reopen'), { reason: v.reason, note: v.note ?? '' })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.reopen.done')}
      submitText={t('problems.reopen.submit')}
    >
      {(item) => (
        <>
          <Form.Item name="reason" label={t('problems.reopen.reason')} required {...item('reason')}>
            <Radio.Group options={['recurrence', 'complaint'].map((r) => ({ value: r, label: t(`problems.reopenReason.${r}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('problems.field.note')} rules={[required()]} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
