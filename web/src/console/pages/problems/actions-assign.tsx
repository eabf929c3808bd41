import { DatePicker, Form, Input, InputNumber, Radio, Select, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { beijingToday, command, CommandForm, compact, optionsOf, useRequired } from './common';
import { pathOf, type ActionProps } from './actions-unit';

const SEVERITIES = ['general', 'serious', 'major'] as const;

interface AssignValues {
  townCode?: string;
  leadDepartment?: string;
  cooperatingDepartments?: string[];
  responsiblePerson?: { name?: string; phone?: string };
  measures?: string;
  requirements?: string;
  severity?: string;
  limitKind: 'days' | 'date';
  workingDays?: number | null;
  deadline?: Dayjs | null;
}

const FIELDS = [
  'townCode',
  'leadDepartment',
  'cooperatingDepartments',
  'responsiblePerson',
  'responsiblePerson.name',
  'responsiblePerson.phone',
  'measures',
  'requirements',
  'severity',
  'workingDays',
  'deadline',
];

const CODE_FIELDS = {
  TOWN_REQUIRED: 'townCode',
  LEAD_REQUIRED: 'leadDepartment',
  LEAD_ALSO_COOPERATING: 'cooperatingDepartments',
  DEADLINE_IN_PAST: 'deadline',
  TIME_LIMIT_MISSING: 'workingDays',
};

/** The default time limits by severity (GET /api/cases/settings/lifecycle), shown as the hint of the working days. */
function useDefaultLimits(): Record<string, number> | undefined {
  const { can } = useSession();
  const [limits, setLimits] = useState<Record<string, number>>();
  const allowed = can('analyst', 'leader');
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    api<{ timeLimitWorkingDays: Record<string, number> }>('/api/cases/settings/lifecycle').then(
      (s) => live && setLimits(s.timeLimitWorkingDays),
      () => undefined, // only a hint: the service applies the default anyway
    );
    return () => {
      live = false;
    };
  }, [allowed]);
  return limits;
}

/**
 * 交办: the town (default: the problem's), the lead and co-operating departments (default: the category matrix), the
 * responsible person, measures and a time limit (working days from sign-off, default by severity, or a fixed date).
 */
export function AssignForm({ problem, reference, onDone, onConflict }: ActionProps) {
  const { t, pick } = useI18n();
  const limits = useDefaultLimits();
  const required = useRequired();
  const defaults = reference.matrix.find((m) => m.category === problem.category?.code);
  const lead = problem.leadDepartment?.code ?? defaults?.leadDepartment;
  const cooperating = problem.cooperatingDepartments.length ? problem.cooperatingDepartments.map((d) => d.code) : (defaults?.cooperating ?? []);
  const departments = optionsOf(reference.departments, pick);
  const initial: Partial<AssignValues> = {
    townCode: problem.town?.code,
    leadDepartment: lead,
    cooperatingDepartments: cooperating.filter((d) => d !== lead),
    responsiblePerson: problem.responsiblePerson ?? undefined,
    measures: problem.measures ?? undefined,
    requirements: problem.requirements ?? undefined,
    severity: problem.severity?.code ?? 'general',
    limitKind: problem.timeLimit?.date ? 'date' : 'days',
    workingDays: problem.timeLimit?.workingDays,
  };
  const submit = (v: AssignValues) =>
    command(
      pathOf(problem, 'assignment'),
      compact({
        townCode: v.townCode,
        leadDepartment: v.leadDepartment,
        cooperatingDepartments: v.cooperatingDepartments ?? [],
        responsiblePerson: compact({ name: v.responsiblePerson?.name?.trim(), phone: v.responsiblePerson?.phone?.trim() }),
        measures: v.measures ?? '',
        requirements: v.requirements?.trim(),
        severity: v.severity,
        workingDays: v.limitKind === 'days' ? (v.workingDays ?? undefined) : undefined,
        deadline: v.limitKind === 'date' ? v.deadline?.format('YYYY-MM-DD') : undefined,
      }),
      problem.version,
    );
  return (
    <CommandForm<AssignValues>
      name="assign"
      syncKey={problem.version}
      testId="assign-form"
      fields={FIELDS}
      codeFields={CODE_FIELDS}
      initialValues={initial}
      intro={
        problem.returnedReason && (
          <Typography.Paragraph type="warning">{t('problems.assign.returned', { reason: problem.returnedReason })}</Typography.Paragraph>
        )
      }
      submit={submit}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('problems.assign.done')}
      submitText={t('problems.assign.submit')}
      submitTestId="assign-submit"
    >
      {(item, form) => (
        <>
          <Form.Item name="townCode" label={t('problems.field.town')} required extra={t('problems.assign.townHelp')} {...item('townCode')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={optionsOf(reference.towns, pick)} style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="leadDepartment" label={t('problems.field.leadDepartment')} required extra={t('problems.assign.matrixHelp')} {...item('leadDepartment')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={departments}
              onChange={(value: string) => dropFromCooperating(form, value)}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['leadDepartment']}>
            {({ getFieldValue }) => (
              <Form.Item name="cooperatingDepartments" label={t('problems.field.cooperatingDepartments')} {...item('cooperatingDepartments')}>
                <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={departments.filter((d) => d.value !== getFieldValue('leadDepartment'))} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item label={t('problems.field.responsiblePerson')} required style={{ marginBottom: 0 }}>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Form.Item name={['responsiblePerson', 'name']} rules={[required()]} {...item('responsiblePerson.name')} {...(item('responsiblePerson').help ? item('responsiblePerson') : {})} style={{ flex: '1 1 200px' }}>
                <Input placeholder={t('problems.assign.name')} aria-label={t('problems.assign.name')} maxLength={50} data-testid="assign-responsible-name" />
              </Form.Item>
              <Form.Item name={['responsiblePerson', 'phone']} {...item('responsiblePerson.phone')} style={{ flex: '1 1 200px' }}>
                <Input placeholder={t('problems.assign.phone')} aria-label={t('problems.assign.phone')} maxLength={20} />
              </Form.Item>
            </div>
          </Form.Item>
          <Form.Item name="measures" label={t('problems.field.measures')} rules={[required()]} {...item('measures')}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="assign-measures" />
          </Form.Item>
          <Form.Item name="requirements" label={t('problems.field.requirements')} {...item('requirements')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="severity" label={t('problems.field.severity')} {...item('severity')}>
            <Radio.Group optionType="button" options={SEVERITIES.map((s) => ({ value: s, label: t(`problems.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="limitKind" label={t('problems.field.timeLimit')} required>
            <Radio.Group
              options={[
                { value: 'days', label: t('problems.assign.byDays') },
                { value: 'date', label: t('problems.assign.byDate') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['limitKind', 'severity']}>
            {({ getFieldValue }) =>
              getFieldValue('limitKind') === 'date' ? (
                <Form.Item name="deadline" label={t('problems.assign.deadline')} {...item('deadline')}>
                  <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < beijingToday()} />
                </Form.Item>
              ) : (
                <Form.Item
                  name="workingDays"
                  label={t('problems.assign.workingDays')}
                  extra={
                    limits?.[getFieldValue('severity')]
                      ? t('problems.assign.defaultDays', { n: limits[getFieldValue('severity')] })
                      : t('problems.assign.defaultDaysUnknown')
                  }
                  {...item('workingDays')}
                >
                  <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid="assign-working-days" />
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

function dropFromCooperating(form: FormInstance<AssignValues>, lead: string) {
  const current: string[] = form.getFieldValue('cooperatingDepartments') ?? [];
  if (current.includes(lead)) form.setFieldValue('cooperatingDepartments', current.filter((d) => d !== lead));
}
