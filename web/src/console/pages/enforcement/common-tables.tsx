import { Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { CreditPlate, ObjectClassTag, percent, useCreditLevels, useEnforcementLabels } from './common';
import { OBJECT_CLASSES, type ObjectClass, type Ratios } from './types';

/** Ratios as a table: a row per supervision list, a column per credit level (the levels in force, then any others). */
export function RatiosTable({ ratios, testId }: { ratios: Ratios; testId?: string }) {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  const known = (levels ?? []).map((l) => l.code);
  const others = [...new Set(OBJECT_CLASSES.flatMap((c) => Object.keys(ratios[c] ?? {})))].filter((c) => !known.includes(c)).sort();
  const codes = [...known, ...others];
  const columns: TableColumnsType<{ objectClass: ObjectClass }> = [
    { title: t('enforcement.field.objectClass'), width: 150, render: (_, r) => <ObjectClassTag value={r.objectClass} labels={labels} /> },
    ...codes.map((code) => ({
      key: code,
      title: <CreditPlate level={code} levels={levels} />,
      width: 120,
      render: (_: unknown, r: { objectClass: ObjectClass }) => percent(ratios[r.objectClass]?.[code]),
    })),
  ];
  return (
    <Table
      rowKey="objectClass"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={OBJECT_CLASSES.map((objectClass) => ({ objectClass }))}
      scroll={{ x: 150 + codes.length * 120 }}
      data-testid={testId}
    />
  );
}
