import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useI18n } from '../../../shared/i18n';
import { cachedGet } from '../enforcement/common';
import { CommandForm, compact, useRequired, useSeparators } from '../problems/common';
import { transferCommand, useJudicialLabels, useJudicialRole } from './common';
import { MATERIAL_KINDS, type Material, type RequiredMaterials, type RuleHistory, type TransferDetail } from './types';

/** Statuses in which the bureau may add a material (STEPS_OF['add-material']). */
const ADDING = ['drafted', 'pending-approval', 'approved', 'materials-requested'];

export interface TransferProps {
  transfer: TransferDetail;
  onDone(next: unknown): void;
  onConflict(): void;
}

/** The materials the rules require before sending, for this kind of transfer (readers on the bureau's side only). */
export function useRequiredMaterials(kind: string): string[] | undefined {
  const role = useJudicialRole();
  const [required, setRequired] = useState<string[]>();
  useEffect(() => {
    if (role.agency) return;
    let live = true;
    cachedGet<RuleHistory<RequiredMaterials>>('/api/judicial/rules/materials').then(
      (r) => live && setRequired(r.current.rules[kind as keyof RequiredMaterials] ?? []),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, role.agency]);
  return required;
}

/** Which required kinds have no material yet. */
export function missingKinds(required: string[] | undefined, materials: Material[]): string[] {
  const have = new Set(materials.map((m) => m.materialKind));
  return (required ?? []).filter((k) => !have.has(k));
}

/** 移送材料: the checklist (each required kind present or missing), every material, and the form to add one. */
export function MaterialsCard({ transfer: x, onDone, onConflict }: TransferProps) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const sep = useSeparators();
  const role = useJudicialRole();
  const required = useRequiredMaterials(x.kind);
  const missing = missingKinds(required, x.materials);
  const [adding, setAdding] = useState(false);
  const canAdd = role.officer && ADDING.includes(x.status);
  const columns: TableColumnsType<Material> = [
    { title: t('judicial.materials.kind'), width: 220, render: (_, m) => labels.material(m.materialKind) },
    { title: t('judicial.materials.itemTitle'), render: (_, m) => m.title },
    { title: t('judicial.materials.reference'), width: 200, render: (_, m) => m.reference },
    { title: t('judicial.materials.pages'), width: 80, align: 'right', render: (_, m) => m.pages ?? '—' },
  ];
  return (
    <Card
      title={t('judicial.materials.title')}
      data-testid="materials"
      extra={
        canAdd &&
        !adding && (
          <Button onClick={() => setAdding(true)} data-testid="material-add">
            {t('judicial.materials.add')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {required && (
          <Flex gap={8} wrap align="center" data-testid="materials-checklist">
            <Typography.Text type="secondary">{t('judicial.materials.required')}</Typography.Text>
            {required.map((k) => {
              const present = !missing.includes(k);
              return (
                <Tag key={k} color={present ? 'green' : 'red'} data-testid="material-check" data-kind={k} data-present={String(present)}>
                  {present ? '✓' : '✗'} {labels.material(k)}
                </Tag>
              );
            })}
          </Flex>
        )}
        {required && missing.length > 0 && (
          <Alert type="warning" showIcon data-testid="materials-missing" title={t('judicial.materials.missing', { list: missing.map((k) => labels.material(k)).join(sep.list) })} />
        )}
        {required && missing.length === 0 && <Alert type="success" showIcon data-testid="materials-complete" title={t('judicial.materials.complete')} />}
        <Table<Material>
          rowKey="materialId"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={x.materials}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('judicial.materials.empty') }}
          onRow={(m) => ({ 'data-testid': 'material-row', 'data-kind': m.materialKind }) as HTMLAttributes<HTMLElement>}
        />
        {adding && canAdd && (
          <Card type="inner" title={t('judicial.materials.add')} extra={<Button size="small" onClick={() => setAdding(false)}>{t('common.cancel')}</Button>}>
            <MaterialForm transfer={x} missing={missing} onDone={onDone} onConflict={onConflict} />
          </Card>
        )}
      </Flex>
    </Card>
  );
}

interface MaterialValues {
  materialKind: string;
  title: string;
  reference: string;
  pages?: number;
}

/** One material of the file, named by where it is (number, volume, page). The form stays open for the next one. */
function MaterialForm({ transfer: x, missing, onDone, onConflict }: TransferProps & { missing: string[] }) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const required = useRequired();
  return (
    <CommandForm<MaterialValues>
      name="material"
      testId="material-form"
      fields={['materialKind', 'title', 'reference', 'pages']}
      initialValues={{ materialKind: missing[0] }}
      syncKey={missing.join(',')}
      submit={(v) => transferCommand(x.transferId, 'materials', compact({ materialKind: v.materialKind, title: v.title.trim(), reference: v.reference.trim(), pages: v.pages }))}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('judicial.materials.added')}
      submitText={t('judicial.materials.save')}
      submitTestId="material-submit"
    >
      {(item) => (
        <>
          <Form.Item name="materialKind" label={t('judicial.materials.kind')} rules={[required('value')]} {...item('materialKind')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="material-kind"
              style={{ maxWidth: 400 }}
              options={MATERIAL_KINDS.map((k) => ({ value: k, label: missing.includes(k) ? t('judicial.materials.missingOption', { name: labels.material(k) }) : labels.material(k) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('judicial.materials.itemTitle')} rules={[required()]} {...item('title')}>
            <Input maxLength={200} data-testid="material-title" />
          </Form.Item>
          <Form.Item name="reference" label={t('judicial.materials.reference')} rules={[required()]} extra={t('judicial.materials.referenceHint')} {...item('reference')}>
            <Input maxLength={200} data-testid="material-reference" />
          </Form.Item>
          <Form.Item name="pages" label={t('judicial.materials.pages')} {...item('pages')}>
            <InputNumber min={1} max={10000} precision={0} data-testid="material-pages" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
