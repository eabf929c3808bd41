import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import { CommandForm, useSeparators } from '../problems/common';
import { transferCommand, useJudicialLabels, useJudicialRole } from './common';
import type { TransferProps } from './materials';
import { METALS, type ThresholdRecord } from './types';

/** Statuses in which the bureau may check (STEPS_OF['check-threshold']). */
const CHECKING = ['drafted', 'pending-approval'];

const AMOUNTS = ['hazardousWasteTonnes', 'lossOrGainYuan'] as const;
const COUNTS = ['priorToxicPenalties2y', 'priorAirPenaltiesInWarning2y'] as const;
const FLAGS = ['evasiveToxicDischarge', 'keyDischargerMonitoringTampering', 'toxicInProtectedArea'] as const;

interface FactValues {
  hazardousWasteTonnes?: number | null;
  lossOrGainYuan?: number | null;
  priorToxicPenalties2y?: number | null;
  priorAirPenaltiesInWarning2y?: number | null;
  metals?: Array<{ metal?: string; multiple?: number | null }>;
  flags?: string[];
}

/** The facts as the API takes them (CrimeFacts): what is not given is left out, so it is simply not met. */
function factsOf(v: FactValues): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const key of [...AMOUNTS, ...COUNTS]) if (typeof v[key] === 'number') facts[key] = v[key];
  const metals = (v.metals ?? []).filter((m) => m.metal && typeof m.multiple === 'number');
  if (metals.length) facts.heavyMetalExceedances = metals.map((m) => ({ metal: m.metal, multiple: m.multiple }));
  for (const flag of v.flags ?? []) facts[flag] = true;
  return facts;
}

function valuesOf(facts: Record<string, unknown> | undefined): FactValues {
  if (!facts) return { metals: [] };
  const num = (k: string) => (typeof facts[k] === 'number' ? (facts[k] as number) : undefined);
  return {
    hazardousWasteTonnes: num('hazardousWasteTonnes'),
    lossOrGainYuan: num('lossOrGainYuan'),
    priorToxicPenalties2y: num('priorToxicPenalties2y'),
    priorAirPenaltiesInWarning2y: num('priorAirPenaltiesInWarning2y'),
    metals: Array.isArray(facts.heavyMetalExceedances) ? (facts.heavyMetalExceedances as FactValues['metals']) : [],
    flags: FLAGS.filter((f) => facts[f] === true),
  };
}

/** 刑事立案标准对照 (法释〔2023〕7号): the recorded check, the criteria met with their articles and the tier; the officer's form. */
export function ThresholdCard({ transfer: x, onDone, onConflict }: TransferProps) {
  const { t } = useI18n();
  const role = useJudicialRole();
  const [checking, setChecking] = useState(false);
  const canCheck = role.officer && CHECKING.includes(x.status);
  return (
    <Card
      title={t('judicial.threshold.title')}
      data-testid="threshold"
      extra={
        canCheck &&
        !checking && (
          <Button onClick={() => setChecking(true)} data-testid="threshold-open">
            {x.threshold ? t('judicial.threshold.again') : t('judicial.threshold.check')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('judicial.threshold.intro')}
        </Typography.Paragraph>
        {x.threshold ? <ThresholdResult check={x.threshold} /> : <Typography.Text type="secondary">{t('judicial.threshold.none')}</Typography.Text>}
        {checking && canCheck && (
          <Card type="inner" title={t('judicial.threshold.facts')} extra={<Button size="small" onClick={() => setChecking(false)}>{t('common.cancel')}</Button>}>
            <FactsForm
              transfer={x}
              onDone={(next) => {
                setChecking(false);
                onDone(next);
              }}
              onConflict={onConflict}
            />
          </Card>
        )}
      </Flex>
    </Card>
  );
}

export function ThresholdResult({ check }: { check: ThresholdRecord }) {
  const { t, pick } = useI18n();
  const labels = useJudicialLabels();
  const sep = useSeparators();
  const facts = Object.entries(check.facts).map(([key, value]) => {
    const shown =
      key === 'heavyMetalExceedances' && Array.isArray(value)
        ? (value as Array<{ metal: string; multiple: number }>).map((m) => t('judicial.threshold.metalValue', { metal: labels.metal(m.metal), n: m.multiple })).join(sep.list)
        : typeof value === 'boolean'
          ? value
            ? t('judicial.yes')
            : t('judicial.no')
          : String(value);
    return { key, label: labels.fact(key), children: shown };
  });
  return (
    <Flex vertical gap={8} data-testid="threshold-result" data-suspected={String(check.suspected)}>
      <Alert
        type={check.suspected ? 'warning' : 'info'}
        showIcon
        title={
          check.suspected ? (
            <Space wrap>
              {t('judicial.threshold.suspected')}
              {check.tier && (
                <Tag color="red" data-testid="threshold-tier" data-tier={check.tier}>
                  {labels.tier(check.tier)}
                </Tag>
              )}
            </Space>
          ) : (
            t('judicial.threshold.notSuspected')
          )
        }
        description={check.tier ? labels.range(check.tier) : t('judicial.threshold.officersCall')}
      />
      {check.criteria.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('judicial.threshold.criteria')}</Typography.Text>}
          dataSource={check.criteria}
          renderItem={(c) => (
            <List.Item data-testid="threshold-criterion" data-code={c.code}>
              <Space wrap size={4}>
                <Tag color="volcano">{c.article}</Tag>
                <Typography.Text>{pick(c)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Descriptions size="small" column={1} title={t('judicial.threshold.factsRecorded', { n: check.configVersion })} items={facts} />
    </Flex>
  );
}

function FactsForm({ transfer: x, onDone, onConflict }: Omit<TransferProps, 'onDone'> & { onDone(next: unknown): void }) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  return (
    <CommandForm<FactValues>
      name="threshold"
      testId="threshold-form"
      fields={['facts']}
      codeFields={{ INVALID_CRIME_FACTS: 'facts' }}
      initialValues={valuesOf(x.threshold?.facts)}
      intro={<Typography.Paragraph type="secondary">{t('judicial.threshold.formHint')}</Typography.Paragraph>}
      submit={(v) => transferCommand(x.transferId, 'threshold-check', { facts: factsOf(v) })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('judicial.threshold.done')}
      submitText={t('judicial.threshold.submit')}
      submitTestId="threshold-submit"
    >
      {(item) => (
        <>
          {item('facts').help && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={item('facts').help} />}
          <Flex gap={16} wrap>
            <Form.Item name="hazardousWasteTonnes" label={labels.fact('hazardousWasteTonnes')}>
              <InputNumber min={0} step={0.1} suffix={t('judicial.unit.tonnes')} data-testid="fact-hazardousWasteTonnes" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="lossOrGainYuan" label={labels.fact('lossOrGainYuan')}>
              <InputNumber min={0} step={1000} suffix={t('judicial.unit.yuan')} data-testid="fact-lossOrGainYuan" style={{ width: 220 }} />
            </Form.Item>
          </Flex>
          <Form.Item label={labels.fact('heavyMetalExceedances')} extra={t('judicial.threshold.metalsHint')}>
            <Form.List name="metals">
              {(rows, { add, remove }) => (
                <Flex vertical gap={8}>
                  {rows.map((row) => (
                    <Space key={row.key} wrap align="baseline" data-testid="metal-row">
                      <Form.Item name={[row.name, 'metal']} noStyle rules={[{ required: true, message: t('problems.required') }]}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          style={{ width: 160 }}
                          placeholder={t('judicial.threshold.metal')}
                          aria-label={t('judicial.threshold.metal')}
                          data-testid="metal-name"
                          options={METALS.map((m) => ({ value: m, label: labels.metal(m) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[row.name, 'multiple']} noStyle rules={[{ required: true, message: t('problems.required') }]}>
                        <InputNumber min={0} step={0.1} placeholder={t('judicial.threshold.multiple')} aria-label={t('judicial.threshold.multiple')} suffix={t('judicial.unit.times')} data-testid="metal-multiple" style={{ width: 180 }} />
                      </Form.Item>
                      <Button size="small" onClick={() => remove(row.name)}>
                        {t('judicial.remove')}
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})} style={{ alignSelf: 'flex-start' }} data-testid="metal-add">
                    {t('judicial.threshold.addMetal')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="flags" label={t('judicial.threshold.circumstances')}>
            <Checkbox.Group>
              <Flex vertical gap={4}>
                {FLAGS.map((f) => (
                  <Checkbox key={f} value={f} data-testid={`fact-${f}`}>
                    {labels.fact(f)}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          <Flex gap={16} wrap>
            {COUNTS.map((k) => (
              <Form.Item key={k} name={k} label={labels.fact(k)} style={{ maxWidth: 340 }}>
                <InputNumber min={0} precision={0} suffix={t('judicial.unit.times')} data-testid={`fact-${k}`} style={{ width: 160 }} />
              </Form.Item>
            ))}
          </Flex>
        </>
      )}
    </CommandForm>
  );
}
