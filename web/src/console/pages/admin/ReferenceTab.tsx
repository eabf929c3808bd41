import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { Coded, Reference, Town } from './reference';

/** Towns and departments as the platform knows them (read-only; they come with the platform's reference data). */
export function ReferenceTab({ reference }: { reference: Reference }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.reference.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title={t('admin.reference.towns', { n: reference.towns.length })}>
            <Table<Town>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={reference.towns}
              columns={[
                { title: t('admin.reference.code'), dataIndex: 'code', width: 110 },
                { title: t('admin.reference.zh'), dataIndex: 'zh' },
                { title: t('admin.reference.en'), dataIndex: 'en' },
                {
                  title: t('admin.reference.kind'),
                  dataIndex: 'kind',
                  render: (kind: Town['kind']) => <Tag color={kind === 'town' ? 'blue' : 'green'}>{t(`admin.reference.kind.${kind}`)}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card title={t('admin.reference.departments', { n: reference.departments.length })}>
            <Table<Coded>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={reference.departments}
              columns={[
                { title: t('admin.reference.code'), dataIndex: 'code', width: 150 },
                { title: t('admin.reference.zh'), dataIndex: 'zh' },
                { title: t('admin.reference.en'), dataIndex: 'en' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
