import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { LoadFailed } from '../rewards/common';
import { ConsultationForm, ConsultationList } from './consultations';
import type { Consultation } from './types';

/** 案件会商: every consultation of the bureau, the police and the procuratorate; the officer records a general one here. */
export default function ConsultationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useLoad(() => api<Consultation[]>('/api/judicial/consultations'), []);
  const [recording, setRecording] = useState(false);
  return (
    <Card
      title={t('judicial.consultations.title')}
      extra={
        can('judicial-officer') &&
        !recording && (
          <Button type="primary" onClick={() => setRecording(true)} data-testid="consultation-new">
            {t('judicial.consultations.record')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('judicial.consultations.intro')}
        </Typography.Paragraph>
        {recording && (
          <Card type="inner" title={t('judicial.consultations.recordGeneral')} extra={<Button size="small" onClick={() => setRecording(false)}>{t('common.cancel')}</Button>}>
            <ConsultationForm
              onDone={() => {
                setRecording(false);
                list.reload();
              }}
            />
          </Card>
        )}
        {list.error !== undefined ? <LoadFailed error={list.error} retry={list.reload} /> : <ConsultationList items={list.data ?? []} showTransfer />}
      </Flex>
    </Card>
  );
}
