import { Button, Card, Flex, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from './common';
import { RulesEditor } from './rules-edit';
import { RulesView } from './rules-view';
import type { RuleVersion } from './types';

/** 奖励规则: the version in force, in words, every earlier version, and (for admins) a new version. */
export default function RulesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(() => api<{ current: RuleVersion; versions: RuleVersion[] }>('/api/rewards/rules'), []);
  const [editing, setEditing] = useState(false);

  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { current, versions } = loaded.data;
  const columns: TableColumnsType<RuleVersion> = [
    { title: t('rewards.rules.field.version'), width: 90, render: (_, v) => t('rewards.rules.versionN', { n: v.version }) },
    { title: t('rewards.rules.field.effectiveFrom'), width: 120, render: (_, v) => v.effectiveFrom },
    { title: t('rewards.rules.field.createdBy'), width: 140, render: (_, v) => v.createdBy },
    { title: t('rewards.rules.field.createdAt'), width: 150, render: (_, v) => beijing(v.createdAt) },
    { title: t('rewards.rules.field.note'), render: (_, v) => v.note ?? '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('rewards.rules.title', { n: current.version })}
        extra={
          can('admin') &&
          !editing && (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="rules-edit">
              {t('rewards.rules.edit')}
            </Button>
          )
        }
      >
        {editing ? (
          <RulesEditor
            current={current}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              loaded.reload();
            }}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('rewards.rules.intro')}</Typography.Paragraph>
            <RulesView version={current} testId="rules-current" />
          </>
        )}
      </Card>
      <Card title={t('rewards.rules.history')}>
        <Table<RuleVersion>
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          pagination={false}
          scroll={{ x: 700 }}
          expandable={{ expandedRowRender: (v) => <RulesView version={v} /> }}
          locale={{ emptyText: t('rewards.rules.noHistory') }}
        />
      </Card>
    </Flex>
  );
}
