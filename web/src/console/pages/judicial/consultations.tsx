import { Button, Card, DatePicker, Empty, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijingToday, CommandForm, useRequired, useSeparators } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import type { Consultation, Participant } from './types';

/** Who may record a consultation (the service: the officer, the police and the procuratorate liaisons). */
export const CONSULTATION_RECORDERS = ['judicial-officer', 'police-liaison', 'procuratorate-liaison'];

/** 案件会商 as a list: date, topic, who took part, what was concluded, and the transfer it was about. */
export function ConsultationList({ items, showTransfer }: { items: Consultation[]; showTransfer?: boolean }) {
  const { t } = useI18n();
  const sep = useSeparators();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('judicial.consultations.empty')} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={items}
      renderItem={(c) => (
        <List.Item key={c.consultationId} data-testid="consultation">
          <Flex vertical gap={4}>
            <Space wrap size={8}>
              <Typography.Text strong>{c.topic}</Typography.Text>
              <Tag>{c.heldOn}</Tag>
              {showTransfer && c.transferId && <Link to={`/judicial/transfers/${c.transferId}`}>{t('judicial.consultations.transfer')}</Link>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('judicial.consultations.participants')}
              {sep.colon}
              {c.participants.map((p) => [p.agency, p.name, p.title].filter(Boolean).join(' ')).join(sep.list)}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
              {t('judicial.consultations.conclusions')}
              {sep.colon}
              {c.conclusions}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

interface ConsultationValues {
  heldOn: Dayjs;
  topic: string;
  participants: Participant[];
  conclusions: string;
}

/** Record a consultation: the date, the topic, at least two participants (agency, name, title), the conclusions. */
export function ConsultationForm({ transferId, onDone }: { transferId?: string; onDone(): void }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<ConsultationValues>
      name="consultation"
      testId="consultation-form"
      fields={['heldOn', 'topic', 'participants', 'conclusions']}
      initialValues={{ heldOn: dayjs(beijingToday()), participants: [{ agency: '', name: '' }, { agency: '', name: '' }] as Participant[] }}
      submit={(v) =>
        api('/api/judicial/consultations', {
          json: {
            ...(transferId ? { transferId } : {}),
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            topic: v.topic.trim(),
            participants: v.participants.map((p) => ({ agency: p.agency.trim(), name: p.name.trim(), ...(p.title?.trim() ? { title: p.title.trim() } : {}) })),
            conclusions: v.conclusions.trim(),
          },
        })
      }
      onDone={onDone}
      onConflict={onDone}
      successText={t('judicial.consultations.done')}
      submitText={t('judicial.consultations.submit')}
      submitTestId="consultation-submit"
    >
      {(item) => (
        <>
          <Form.Item name="heldOn" label={t('judicial.consultations.heldOn')} rules={[required('value')]} {...item('heldOn')}>
            <DatePicker data-testid="consultation-date" />
          </Form.Item>
          <Form.Item name="topic" label={t('judicial.consultations.topic')} rules={[required()]} {...item('topic')}>
            <Input maxLength={200} data-testid="consultation-topic" />
          </Form.Item>
          <Form.Item label={t('judicial.consultations.participants')} required extra={t('judicial.consultations.participantsHint')} {...item('participants')}>
            <Form.List name="participants" rules={[{ validator: (_, v?: unknown[]) => ((v?.length ?? 0) < 2 ? Promise.reject(new Error(t('judicial.consultations.twoAtLeast'))) : Promise.resolve()) }]}>
              {(rows, { add, remove }, { errors }) => (
                <Flex vertical gap={8}>
                  {rows.map((row) => (
                    <Space key={row.key} wrap align="baseline" data-testid="participant-row">
                      <Form.Item name={[row.name, 'agency']} noStyle rules={[required()]}>
                        <Input placeholder={t('judicial.consultations.agency')} aria-label={t('judicial.consultations.agency')} maxLength={60} style={{ width: 200 }} data-testid="participant-agency" />
                      </Form.Item>
                      <Form.Item name={[row.name, 'name']} noStyle rules={[required()]}>
                        <Input placeholder={t('judicial.consultations.name')} aria-label={t('judicial.consultations.name')} maxLength={30} style={{ width: 120 }} data-testid="participant-name" />
                      </Form.Item>
                      <Form.Item name={[row.name, 'title']} noStyle>
                        <Input placeholder={t('judicial.consultations.jobTitle')} aria-label={t('judicial.consultations.jobTitle')} maxLength={30} style={{ width: 140 }} />
                      </Form.Item>
                      {rows.length > 2 && (
                        <Button size="small" onClick={() => remove(row.name)}>
                          {t('judicial.remove')}
                        </Button>
                      )}
                    </Space>
                  ))}
                  <Button onClick={() => add({ agency: '', name: '' })} style={{ alignSelf: 'flex-start' }} data-testid="participant-add">
                    {t('judicial.consultations.addParticipant')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="conclusions" label={t('judicial.consultations.conclusions')} rules={[required()]} {...item('conclusions')}>
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid="consultation-conclusions" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** The consultations on one transfer, and the form for those who may record one. */
export function TransferConsultations({ transferId }: { transferId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useLoad(() => api<Consultation[]>(`/api/judicial/consultations?transferId=${transferId}`), [transferId]);
  const [recording, setRecording] = useState(false);
  const may = can(...CONSULTATION_RECORDERS);
  return (
    <Card
      title={t('judicial.consultations.title')}
      data-testid="transfer-consultations"
      extra={
        may &&
        !recording && (
          <Button size="small" onClick={() => setRecording(true)} data-testid="consultation-new">
            {t('judicial.consultations.record')}
          </Button>
        )
      }
    >
      {recording && (
        <Card type="inner" style={{ marginBottom: 12 }} title={t('judicial.consultations.record')} extra={<Button size="small" onClick={() => setRecording(false)}>{t('common.cancel')}</Button>}>
          <ConsultationForm
            transferId={transferId}
            onDone={() => {
              setRecording(false);
              list.reload();
            }}
          />
        </Card>
      )}
      {list.error !== undefined ? <LoadFailed error={list.error} retry={list.reload} /> : <ConsultationList items={list.data ?? []} />}
    </Card>
  );
}
