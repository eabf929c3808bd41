import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, CommandForm, useRequired } from '../problems/common';
import { ClueLink, eligibleClue } from './case-facts';
import { staffNames } from './case-history';
import { LoadFailed, useRewardLabels } from './common';
import type { IdentityRequest, ReporterIdentity, RewardCase } from './types';

const REQUEST_COLOURS: Record<string, string> = { pending: 'gold', approved: 'green', refused: 'red', viewed: 'default' };

/** The case's identity requests (intake lists them without identities; this case's are those with its id as caseRef). */
function useCaseRequests(rewardId: string) {
  return useLoad(
    () => api<{ items: IdentityRequest[] }>('/api/intake/identity-requests').then((r) => r.items.filter((x) => x.caseRef === rewardId)),
    [rewardId],
  );
}

/**
 * 身份核实 for the payout: ask intake to resolve the eligible reporter's identity (a second person approves), read it
 * once when approved, and hand the request's id to the payout form. The identity is shown in a modal and kept nowhere.
 */
export function IdentityPanel({ rewardCase: c, onUsable }: { rewardCase: RewardCase; onUsable(requestId?: string): void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const labels = useRewardLabels();
  const required = useRequired();
  const clueId = eligibleClue(c);
  const requests = useCaseRequests(c.rewardId);
  const [viewing, setViewing] = useState<IdentityRequest>();
  const me = session?.user.userId;
  const name = staffNames(c.history);

  // the payout rests on a reading of this case's reporter by the one who pays (rewards checks all three)
  const usable = requests.data?.find((r) => r.status === 'viewed' && r.requestedBy === me && r.clueId === clueId)?.requestId;
  useEffect(() => onUsable(usable), [usable, onUsable]);

  if (!clueId) return null;
  const open = requests.data?.some((r) => r.status === 'pending' || r.status === 'approved');
  const mayAsk = c.status === 'notified' || c.status === 'claimed';
  return (
    <Card
      title={t('rewards.identity.title')}
      extra={
        <Button size="small" onClick={requests.reload} loading={requests.loading} data-testid="identity-refresh">
          {t('rewards.refresh')}
        </Button>
      }
      data-testid="identity-panel"
    >
      <Typography.Paragraph type="secondary">
        {t('rewards.identity.intro')} <ClueLink clueId={clueId} />
      </Typography.Paragraph>
      {requests.error !== undefined && <LoadFailed error={requests.error} retry={requests.reload} />}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {requests.data?.length === 0 && <Typography.Text type="secondary">{t('rewards.identity.none')}</Typography.Text>}
        {requests.data?.map((r) => (
          <Flex key={r.requestId} gap={8} wrap align="center" data-testid="identity-request" data-status={r.status} data-request-id={r.requestId}>
            <Tag color={REQUEST_COLOURS[r.status]} data-testid="identity-request-status">
              {labels.requestStatus(r.status)}
            </Tag>
            <Typography.Text>{beijing(r.requestedAt)}</Typography.Text>
            <Typography.Text type="secondary">
              {r.requestedBy === me ? t('rewards.identity.byMe') : t('rewards.identity.by', { who: name(r.requestedBy) })}
              {r.approvedBy && ` · ${t(r.status === 'refused' ? 'rewards.identity.refusedBy' : 'rewards.identity.approvedBy', { who: name(r.approvedBy) })}`}
              {r.reason && ` · ${r.reason}`}
            </Typography.Text>
            {r.status === 'approved' && r.requestedBy === me && (
              <Button size="small" type="primary" onClick={() => setViewing(r)} data-testid="identity-view">
                {t('rewards.identity.view')}
              </Button>
            )}
            {r.status === 'approved' && r.requestedBy !== me && <Typography.Text type="secondary">{t('rewards.identity.onlyRequester')}</Typography.Text>}
          </Flex>
        ))}
      </Flex>
      {mayAsk && !open && requests.data && (
        <CommandForm<{ purpose: string }>
          name="identity-request"
          testId="identity-request-form"
          fields={['purpose', 'caseRef']}
          initialValues={{ purpose: t('rewards.identity.defaultPurpose') }}
          submit={(v) => api(`/api/intake/clues/${clueId}/reporter/requests`, { method: 'POST', json: { purpose: v.purpose.trim(), caseRef: c.rewardId } })}
          onDone={requests.reload}
          onConflict={requests.reload}
          successText={t('rewards.identity.requested')}
          submitText={t('rewards.identity.request')}
          submitTestId="identity-request-submit"
        >
          {(item) => (
            <Form.Item name="purpose" label={t('rewards.identity.purpose')} rules={[required()]} extra={t('rewards.identity.purposeHint')} {...item('purpose')}>
              <Input.TextArea rows={2} maxLength={200} showCount data-testid="identity-purpose" />
            </Form.Item>
          )}
        </CommandForm>
      )}
      {viewing && (
        <ViewIdentityModal
          request={viewing}
          onClose={() => {
            setViewing(undefined);
            requests.reload();
          }}
        />
      )}
    </Card>
  );
}

/** Read the identity once: a warning first, then the identity; closing the modal forgets it. */
function ViewIdentityModal({ request, onClose }: { request: IdentityRequest; onClose(): void }) {
  const { t, pick } = useI18n();
  const [identity, setIdentity] = useState<ReporterIdentity>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const read = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setIdentity(await api<ReporterIdentity>(`/api/intake/identity-requests/${request.requestId}/view`, { method: 'POST', json: {} }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('rewards.identity.viewTitle')}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        identity ? (
          <Button type="primary" onClick={onClose} data-testid="identity-view-close">
            {t('rewards.identity.close')}
          </Button>
        ) : (
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger loading={busy} onClick={read} data-testid="identity-view-confirm">
              {t('rewards.identity.viewConfirm')}
            </Button>
          </Flex>
        )
      }
    >
      <Alert type="warning" showIcon title={t('rewards.identity.recorded')} description={t('rewards.identity.recordedBody', { purpose: request.purpose })} style={{ marginBottom: 16 }} />
      {error !== undefined && <Alert type="error" showIcon role="alert" title={error instanceof ApiError ? pick(error.text) : t('common.error')} style={{ marginBottom: 16 }} />}
      {identity && (
        <Descriptions
          size="small"
          column={1}
          bordered
          data-testid="identity-shown"
          items={[
            { key: 'name', label: t('rewards.identity.name'), children: <span data-testid="identity-name">{identity.name}</span> },
            { key: 'phone', label: t('rewards.identity.phone'), children: <span data-testid="identity-phone">{identity.phone}</span> },
            { key: 'id', label: t('rewards.identity.idNumber'), children: <span data-testid="identity-id-number">{identity.idNumber ?? '—'}</span> },
          ]}
        />
      )}
    </Modal>
  );
}
