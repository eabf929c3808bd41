import { Alert, Card, Descriptions, Form, Input, Radio, Result, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { TOWN_CODES, useEnforcementLabels } from '../enforcement/common';
import { CommandForm, compact, describe, useRequired, useSeparators } from '../problems/common';
import { LoadFailed, remapFields } from '../rewards/common';
import { loadAgencies, useJudicialLabels } from './common';
import { TRANSFER_KINDS, type Agency, type Lead, type TransferDetail } from './types';

interface DraftValues {
  kind: string;
  title: string;
  summary: string;
  suspect: { kind: 'enterprise' | 'person'; name: string; uscc?: string };
  colleagues: string[];
  problemId?: string;
  enterpriseId?: string;
  townCode?: string;
  policeCode?: string;
  procuratorateCode?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 起草移送: by hand, or from a lead (?lead=…) whose title, basis and links it takes. The team is the officer and at
 * least one colleague (2020 规定 art. 5), named by account id, since the console has no list of officers to pick from.
 */
export default function DraftPage() {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const places = useEnforcementLabels();
  const sep = useSeparators();
  const required = useRequired();
  const navigate = useNavigate();
  const { session, can } = useSession();
  const me = session!.user;
  const [params] = useSearchParams();
  const leadId = params.get('lead') ?? undefined;
  const leads = useLoad(leadId ? () => api<Lead[]>('/api/judicial/leads') : undefined, [leadId]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    let live = true;
    loadAgencies().then((a) => live && setAgencies(a), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (leadId && leads.error !== undefined) return <LoadFailed error={leads.error} retry={leads.reload} />;
  if (leadId && !leads.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const lead = leadId ? leads.data?.find((l) => l.leadId === leadId) : undefined;
  if (leadId && !lead) return <Result status="404" title={t('judicial.draft.leadGone')} extra={<Link to="/judicial/leads">{t('judicial.leads.back')}</Link>} />;

  const agencyOptions = (kind: Agency['kind']) => agencies.filter((a) => a.kind === kind).map((a) => ({ value: a.code, label: a.name }));
  const defaultOf = (kind: Agency['kind']) => agencies.find((a) => a.kind === kind && a.isDefault)?.code;
  const initial: Partial<DraftValues> = {
    kind: 'criminal',
    suspect: { kind: 'enterprise', name: '' },
    colleagues: [],
    ...(lead ? { title: lead.title.slice(0, 100), summary: [lead.basis, ...(lead.criteria.length ? [t('judicial.draft.criteriaLine', { criteria: lead.criteria.join(sep.list) })] : [])].join('\n') } : {}),
  };
  const submit = (v: DraftValues) =>
    api<TransferDetail>('/api/judicial/transfers', {
      json: {
        kind: v.kind,
        title: v.title.trim(),
        summary: v.summary.trim(),
        suspect: compact({ kind: v.suspect.kind, name: v.suspect.name.trim(), uscc: v.suspect.uscc?.trim() }),
        teamIds: [me.userId, ...(v.colleagues ?? []).map((id) => id.trim()).filter(Boolean)],
        ...compact({
          leadId: lead?.leadId,
          problemId: lead ? undefined : v.problemId?.trim(),
          enterpriseId: lead ? undefined : v.enterpriseId?.trim(),
          townCode: lead ? undefined : v.townCode,
          policeCode: v.policeCode,
          procuratorateCode: v.procuratorateCode,
        }),
      },
    }).catch((error: unknown) => {
      throw remapFields(error, (field) => (field.startsWith('teamIds') ? 'colleagues' : field));
    });

  return (
    <Card title={t('judicial.draft.title')} extra={<Link to={lead ? '/judicial/leads' : '/judicial/transfers'}>{lead ? t('judicial.leads.back') : t('judicial.transfers.back')}</Link>}>
      {lead && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16, maxWidth: 720 }}
          data-testid="draft-lead"
          title={t('judicial.draft.fromLead', { title: lead.title })}
          description={
            <Descriptions
              size="small"
              column={1}
              items={describe([
                ['source', t('judicial.lead.source'), labels.source(lead.source)],
                ['basis', t('judicial.lead.basis'), lead.basis],
                ['criteria', t('judicial.lead.criteria'), lead.criteria.join(sep.list)],
                ['problem', t('judicial.lead.from'), lead.problemId && can(...PAGE_ROLES.problems) ? <Link to={`/problems/${lead.problemId}`}>{t('judicial.lead.problem')}</Link> : null],
              ])}
            />
          }
        />
      )}
      <CommandForm<DraftValues>
        name="draft"
        testId="draft-form"
        fields={['kind', 'title', 'summary', 'suspect.kind', 'suspect.name', 'suspect.uscc', 'colleagues', 'problemId', 'enterpriseId', 'townCode', 'policeCode', 'procuratorateCode']}
        codeFields={{ TEAM_TOO_SMALL: 'colleagues', AGENCY_UNKNOWN: 'policeCode' }}
        initialValues={{ ...initial, policeCode: defaultOf('police'), procuratorateCode: defaultOf('procuratorate') }}
        syncKey={agencies.length}
        submit={submit}
        onDone={(answer) => navigate(`/judicial/transfers/${(answer as TransferDetail).transferId}`)}
        onConflict={() => undefined}
        successText={t('judicial.draft.done')}
        submitText={t('judicial.draft.submit')}
        submitTestId="draft-submit"
      >
        {(item) => (
          <>
            <Form.Item name="kind" label={t('judicial.field.kind')} rules={[required('value')]} {...item('kind')}>
              <Radio.Group data-testid="draft-kind" options={TRANSFER_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
            </Form.Item>
            <Form.Item name="title" label={t('judicial.field.title')} rules={[required()]} extra={t('judicial.draft.titleHint')} {...item('title')}>
              <Input maxLength={100} showCount data-testid="draft-title" />
            </Form.Item>
            <Form.Item name="summary" label={t('judicial.field.summary')} rules={[required()]} extra={t('judicial.draft.summaryHint')} {...item('summary')}>
              <Input.TextArea rows={5} maxLength={4000} showCount data-testid="draft-summary" />
            </Form.Item>
            <Form.Item name={['suspect', 'kind']} label={t('judicial.field.suspectKind')} rules={[required('value')]} {...item('suspect.kind')}>
              <Radio.Group options={(['enterprise', 'person'] as const).map((k) => ({ value: k, label: labels.suspectKind(k) }))} />
            </Form.Item>
            <Form.Item name={['suspect', 'name']} label={t('judicial.field.suspect')} rules={[required()]} {...item('suspect.name')}>
              <Input maxLength={100} data-testid="draft-suspect" />
            </Form.Item>
            <Form.Item noStyle dependencies={[['suspect', 'kind']]}>
              {({ getFieldValue }) =>
                getFieldValue(['suspect', 'kind']) === 'enterprise' && (
                  <Form.Item name={['suspect', 'uscc']} label={t('judicial.field.uscc')} rules={[{ pattern: /^[0-9A-Z]{18}$/, message: t('judicial.draft.usccPattern') }]} {...item('suspect.uscc')}>
                    <Input maxLength={18} spellCheck={false} style={{ maxWidth: 280 }} data-testid="draft-uscc" />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item label={t('judicial.field.team')} required style={{ marginBottom: 8 }}>
              <Tag color="green" data-testid="draft-me">
                {t('judicial.draft.me', { name: me.name })}
              </Tag>
            </Form.Item>
            <Form.Item
              name="colleagues"
              extra={t('judicial.draft.colleaguesHint')}
              rules={[
                {
                  validator: (_, ids?: string[]) =>
                    !ids?.some((id) => id.trim() && id.trim() !== me.userId) ? Promise.reject(new Error(t('judicial.draft.teamTooSmall'))) : Promise.resolve(),
                },
              ]}
              {...item('colleagues')}
            >
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('judicial.draft.colleagues')} aria-label={t('judicial.draft.colleagues')} data-testid="draft-colleagues" />
            </Form.Item>
            <Form.Item name="policeCode" label={t('judicial.field.police')} {...item('policeCode')}>
              <Select options={agencyOptions('police')} style={{ maxWidth: 360 }} data-testid="draft-police" />
            </Form.Item>
            <Form.Item name="procuratorateCode" label={t('judicial.field.procuratorate')} {...item('procuratorateCode')}>
              <Select options={agencyOptions('procuratorate')} style={{ maxWidth: 360 }} />
            </Form.Item>
            {!lead && (
              <>
                <Typography.Paragraph type="secondary">{t('judicial.draft.linksHint')}</Typography.Paragraph>
                <Form.Item name="problemId" label={t('judicial.field.problemId')} rules={[{ pattern: UUID, message: t('judicial.draft.uuid') }]} {...item('problemId')}>
                  <Input spellCheck={false} style={{ maxWidth: 400 }} />
                </Form.Item>
                <Form.Item name="enterpriseId" label={t('judicial.field.enterpriseId')} rules={[{ pattern: UUID, message: t('judicial.draft.uuid') }]} {...item('enterpriseId')}>
                  <Input spellCheck={false} style={{ maxWidth: 400 }} />
                </Form.Item>
                <Form.Item name="townCode" label={t('judicial.field.town')} {...item('townCode')}>
                  <Select allowClear style={{ maxWidth: 280 }} options={TOWN_CODES.map((c) => ({ value: c, label: places.town(c) }))} />
                </Form.Item>
              </>
            )}
          </>
        )}
      </CommandForm>
    </Card>
  );
}
