import { Alert, App, Button, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { compact, useRequired } from '../problems/common';
import { TOWN_CODES, useEnforcementLabels } from './common';
import { PERMIT_CLASSES, type ImportReport } from './types';

interface RegisterValues {
  name: string;
  uscc: string;
  townCode?: string;
  address: string;
  industry: string;
  permitClass: string;
  keyPolluter: boolean;
  lat?: number;
  lng?: number;
}

const FIELDS = ['name', 'uscc', 'townCode', 'address', 'industry', 'permitClass', 'keyPolluter', 'location'];

/** 登记排污单位: the same checks as the import (the credit code's check characters included), shown at each field. */
export function RegisterModal({ onClose, onDone }: { onClose(): void; onDone(enterpriseId: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useEnforcementLabels();
  const required = useRequired();
  const [form] = Form.useForm<RegisterValues>();
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const finish = async (v: RegisterValues) => {
    setBusy(true);
    errors.reset();
    try {
      const json = compact({
        name: v.name.trim(),
        uscc: v.uscc.trim(),
        townCode: v.townCode,
        address: v.address.trim(),
        industry: v.industry.trim(),
        permitClass: v.permitClass,
        keyPolluter: !!v.keyPolluter,
        location: v.lat !== undefined && v.lat !== null && v.lng !== undefined && v.lng !== null ? { lat: v.lat, lng: v.lng } : undefined,
      });
      const saved = await api<{ enterpriseId: string; outcome: string }>('/api/enforcement/enterprises', { json });
      message.success(t(`enforcement.register.${saved.outcome}`));
      onDone(saved.enterpriseId);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t('enforcement.register.title')}
      okText={t('enforcement.register.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'register-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RegisterValues> form={form} name="enterprise-register" layout="vertical" initialValues={{ keyPolluter: false }} onFinish={finish} onValuesChange={errors.onValuesChange}>
        {errors.alert}
        <Form.Item name="name" label={t('enforcement.field.name')} rules={[required()]} {...errors.item('name')}>
          <Input maxLength={200} data-testid="register-name" />
        </Form.Item>
        <Form.Item name="uscc" label={t('enforcement.field.uscc')} rules={[required()]} extra={t('enforcement.register.usccHint')} {...errors.item('uscc')}>
          <Input maxLength={18} style={{ fontFamily: 'monospace', maxWidth: 260 }} data-testid="register-uscc" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="permitClass" label={t('enforcement.field.permitClass')} rules={[required('value')]} {...errors.item('permitClass')}>
              <Select data-testid="register-permit" options={PERMIT_CLASSES.map((c) => ({ value: c, label: labels.permitClass(c) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keyPolluter" valuePropName="checked" label={t('enforcement.field.keyPolluter')} {...errors.item('keyPolluter')}>
              <Switch aria-label={t('enforcement.field.keyPolluter')} data-testid="register-key-polluter" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('enforcement.field.industry')} rules={[required()]} {...errors.item('industry')}>
              <Input maxLength={100} data-testid="register-industry" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="townCode" label={t('enforcement.field.townCode')} {...errors.item('townCode')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={TOWN_CODES.map((c) => ({ value: c, label: labels.town(c) }))} data-testid="register-town" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('enforcement.field.address')} rules={[required()]} {...errors.item('address')}>
          <Input maxLength={200} data-testid="register-address" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="lat" label={t('enforcement.field.lat')} {...errors.item('location')}>
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="lng" label={t('enforcement.field.lng')}>
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: 160 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 导入名录: a CSV or XLSX with Chinese or English headers; good rows are saved, bad rows come back by line. */
export function ImportModal({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const { t, pick } = useI18n();
  const labels = useEnforcementLabels();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [report, setReport] = useState<ImportReport>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setFailure(undefined);
    setReport(undefined);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setReport(await api<ImportReport>('/api/enforcement/enterprises/import', { form }));
      onImported();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', { zh: t('common.error'), en: t('common.error') }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={760} title={t('enforcement.import.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('enforcement.close')}</Button>} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('enforcement.import.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('enforcement.import.columns')}
      </Typography.Paragraph>
      <Space align="start" wrap style={{ marginBottom: 16 }}>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFiles(fileList.slice(-1));
            setReport(undefined);
            setFailure(undefined);
          }}
          data-testid="import-file"
        >
          <Button>{t('enforcement.import.choose')}</Button>
        </Upload>
        <Button type="primary" disabled={!files.length} loading={busy} onClick={send} data-testid="import-submit">
          {t('enforcement.import.submit')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon role="alert" title={pick(failure.text)} description={failure.fields.map((f, i) => <div key={i}>{pick(f)}</div>)} />}
      {report && (
        <div data-testid="import-result">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 4 }}
            items={[
              { key: 'created', label: t('enforcement.import.created'), children: <span data-testid="import-created">{report.created}</span> },
              { key: 'updated', label: t('enforcement.import.updated'), children: report.updated },
              { key: 'unchanged', label: t('enforcement.import.unchanged'), children: report.unchanged },
              { key: 'errors', label: t('enforcement.import.errorRows'), children: new Set(report.errors.map((e) => e.line)).size },
            ]}
          />
          {report.errors.length > 0 && (
            <>
              <Alert type="warning" showIcon style={{ margin: '16px 0 8px' }} title={t('enforcement.import.someFailed')} />
              <Table
                size="small"
                rowKey={(e) => `${e.line}-${e.field}-${e.zh}`}
                pagination={false}
                dataSource={report.errors}
                scroll={{ y: 300 }}
                columns={[
                  { title: t('enforcement.import.line'), width: 80, render: (_, e) => t('enforcement.import.lineN', { n: e.line }) },
                  { title: t('enforcement.import.field'), width: 150, render: (_, e) => (e.field ? labels.field(e.field) : '—') },
                  { title: t('enforcement.import.problem'), render: (_, e) => pick(e) },
                ]}
                onRow={(e) => ({ 'data-testid': 'import-error', 'data-line': e.line }) as HTMLAttributes<HTMLElement>}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
