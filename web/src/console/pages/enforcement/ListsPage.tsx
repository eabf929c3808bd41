import { Card, Flex, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { LoadFailed } from '../rewards/common';
import { CreditPlate, ObjectClassTag, percent, useCreditLevels, useEnforcementLabels, useRules } from './common';
import { OBJECT_CLASSES, type ListCounts, type ObjectClass, type SupervisionRules } from './types';

interface Row {
  objectClass: ObjectClass;
  counts: Record<string, number>;
  total: number;
}

/** 监管对象名录: how many enterprises are on each list at each credit level, and the share of each drawn per period. */
export default function ListsPage() {
  const { t, pick } = useI18n();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  const supervision = useRules<SupervisionRules>('supervision');
  const loaded = useLoad(() => api<ListCounts>('/api/enforcement/lists'), []);

  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data || !levels || !supervision) return <Skeleton active paragraph={{ rows: 6 }} />;
  const counts = loaded.data;
  const rules = supervision.current.rules;
  const unrated = OBJECT_CLASSES.some((c) => counts[c]?.unrated);
  const codes = [...levels.map((l) => l.code), ...(unrated ? ['unrated'] : [])];
  const rows: Row[] = OBJECT_CLASSES.map((c) => ({
    objectClass: c,
    counts: counts[c] ?? {},
    total: Object.values(counts[c] ?? {}).reduce((a, b) => a + b, 0),
  }));
  const link = (c: ObjectClass, level: string | undefined, n: number) =>
    n > 0 ? <Link to={`/enforcement/enterprises?objectClass=${c}${level && level !== 'unrated' ? `&creditLevel=${level}` : ''}`}>{n}</Link> : <>0</>;
  const columns: TableColumnsType<Row> = [
    { title: t('enforcement.field.objectClass'), width: 150, fixed: 'left', render: (_, r) => <ObjectClassTag value={r.objectClass} labels={labels} /> },
    ...codes.map((code) => ({
      key: code,
      title: <CreditPlate level={code} levels={levels} />,
      width: 150,
      render: (_: unknown, r: Row) => (
        <Flex vertical data-testid="list-cell" data-class={r.objectClass} data-level={code}>
          <Typography.Text strong>{link(r.objectClass, code, r.counts[code] ?? 0)}</Typography.Text>
          {code !== 'unrated' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('enforcement.lists.ratio', { ratio: percent(rules.ratios[r.objectClass]?.[code]) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    })),
    { title: t('enforcement.lists.total'), width: 100, render: (_, r) => <Typography.Text strong>{link(r.objectClass, undefined, r.total)}</Typography.Text> },
  ];
  const specialLevels = rules.specialCreditLevels.map((c) => pick(levels.find((l) => l.code === c) ?? { zh: c, en: c })).join(t('problems.sep.list'));

  return (
    <Card title={t('enforcement.lists.title')}>
      <Typography.Paragraph type="secondary">
        {t('enforcement.lists.intro', { version: supervision.current.version, period: labels.period(rules.period) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('enforcement.lists.classes', { levels: specialLevels || t('common.none') })}</Typography.Paragraph>
      <Table<Row> rowKey="objectClass" size="middle" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 900 }} data-testid="lists-table" />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/enforcement/rules?kind=supervision">{t('enforcement.lists.toRules')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
