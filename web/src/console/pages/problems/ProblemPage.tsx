import { Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { AssignForm } from './actions-assign';
import {
  CityCoordinationForm,
  ConsultationForm,
  ExtensionDecisionForm,
  JointActionForm,
  ReopenForm,
  SupervisionForm,
  SuspectedCrimeForm,
  TriageForm,
} from './actions-bureau';
import { ExtensionRequestForm, ProgressForm, RectificationForm, SignOffForms, VerificationForm, type ActionProps } from './actions-unit';
import { beijing, describe, useErrorMessage, useReference, useSeparators, type Reference } from './common';
import { ProblemTimeline } from './timeline';
import { STATUS_COLOURS, type Problem, type Timeline } from './types';

/** One problem: its summary, what the signed-in user may do now, the linked clues and the timeline. */
export default function ProblemPage() {
  const { problemId = '' } = useParams();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const reference = useReference();
  const report = useErrorMessage();
  const [problem, setProblem] = useState<Problem>();
  const [timeline, setTimeline] = useState<Timeline>();
  const [missing, setMissing] = useState<ApiError>();
  const current = useRef(problemId);
  current.current = problemId;

  const load = useCallback(async () => {
    const id = problemId;
    try {
      const [p, tl] = await Promise.all([api<Problem>(`/api/cases/problems/${id}`), api<Timeline>(`/api/cases/problems/${id}/timeline`)]);
      if (current.current !== id) return;
      setProblem(p);
      setTimeline(tl);
      setMissing(undefined);
    } catch (error) {
      if (current.current !== id) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(error);
      else report(error);
    }
  }, [problemId, report]);

  useEffect(() => {
    setProblem(undefined);
    setTimeline(undefined);
    void load();
  }, [load]);

  if (missing) {
    return <Result status="404" title={pick(missing.text)} extra={<Link to="/problems">{t('problems.backToList')}</Link>} />;
  }
  if (!problem) return <Skeleton active paragraph={{ rows: 8 }} />;

  const done = (result?: unknown) => {
    const next = (result as { newProblemId?: string } | undefined)?.newProblemId;
    if (next) navigate(`/problems/${next}`);
    else void load();
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Flex vertical gap={16}>
          <Summary problem={problem} timeline={timeline} />
          <Card title={t('problems.actions.title')}>
            {reference ? (
              <ActionPanel problem={problem} reference={reference} timeline={timeline} onDone={done} onConflict={() => void load()} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={9}>
        <Flex vertical gap={16}>
          <LinkedClues problem={problem} timeline={timeline} />
          <Card title={t('problems.timeline.title')} extra={<Button size="small" onClick={() => void load()}>{t('problems.refresh')}</Button>}>
            {timeline ? <ProblemTimeline events={timeline.events} reference={reference} /> : <Skeleton active />}
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

function Summary({ problem: p, timeline }: { problem: Problem; timeline?: Timeline }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  // 行刑衔接: the transfer the bridge last reported on, linked for those who may open it
  const transferId = timeline?.events.filter((e) => e.type === 'JudicialProgressNoted').at(-1)?.data.transferId as string | undefined;
  const judicial = p.judicialStatus && transferId && can(...PAGE_ROLES.judicial) ? <Link to={`/judicial/transfers/${transferId}`} data-testid="problem-transfer">{pick(p.judicialStatus)}</Link> : pick(p.judicialStatus);
  const sep = useSeparators();
  const limit = p.timeLimit?.date ? t('problems.timeLimit.date', { date: p.timeLimit.date }) : p.timeLimit?.workingDays ? t('problems.timeLimit.days', { n: p.timeLimit.workingDays }) : '';
  const crosses = [p.crossTown && t('problems.field.crossTown'), p.crossDepartment && t('problems.field.crossDepartment')].filter(Boolean).join(sep.list);
  const rows: Array<[string, ReactNode, boolean?]> = [
    ['description', <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>, true],
    ['category', pick(p.category)],
    ['channel', pick(p.channel)],
    ['severity', pick(p.severity)],
    ['crosses', crosses],
    ['town', pick(p.town)],
    ['leadDepartment', pick(p.leadDepartment)],
    ['cooperatingDepartments', p.cooperatingDepartments.map((d) => pick(d)).join(sep.list), true],
    ['responsiblePerson', p.responsiblePerson && (p.responsiblePerson.phone ? t('problems.withNote', { text: p.responsiblePerson.name, note: p.responsiblePerson.phone }) : p.responsiblePerson.name)],
    ['timeLimit', limit],
    ['measures', p.measures, true],
    ['requirements', p.requirements, true],
    ['openedOn', p.openedOn],
    ['signedOn', p.signedOn],
    ['deadline', p.deadline && <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.deadline}</Typography.Text>],
    ['requestedDeadline', p.requestedDeadline && t('problems.extension.awaiting', { date: p.requestedDeadline })],
    ['returnedReason', p.status.code === 'returned' ? p.returnedReason : null, true],
    ['closedOn', p.closedOn],
    ['onTime', p.onTime === null ? null : p.onTime ? t('problems.yes') : t('problems.no')],
    ['handlingWorkingDays', p.handlingWorkingDays === null ? null : t('problems.days', { n: p.handlingWorkingDays })],
    ['judicialStatus', judicial],
    ['location', p.location?.address, true],
    ['reopenedFrom', p.reopenedFrom && <Link to={`/problems/${p.reopenedFrom}`}>{t('problems.field.originalProblem')}</Link>],
    ['recurredAs', p.recurredAs && <Link to={`/problems/${p.recurredAs}`}>{t('problems.field.newProblem')}</Link>],
    ['updatedAt', beijing(p.updatedAt)],
  ];
  const items = describe(rows.map(([key, value, wide]) => [key, t(`problems.field.${key}`), value, wide]));
  return (
    <Card
      title={
        <Space wrap size={8}>
          <Link to="/problems">{t('problems.list.title')}</Link>
          <span aria-hidden>/</span>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
            {p.number}
          </Typography.Text>
          <Tag color={STATUS_COLOURS[p.status.code]} data-testid="problem-status">
            {pick(p.status)}
          </Tag>
          {p.overdue && <Tag color="red">{t('problems.overdue')}</Tag>}
          {p.warned && !p.overdue && p.status.code !== 'closed' && <Tag color="orange">{t('problems.warned')}</Tag>}
          {p.supervision && <Tag color="volcano">{pick(p.supervision)}</Tag>}
          {p.escalatedToCity && <Tag color="magenta">{t('problems.escalated')}</Tag>}
          {p.suspectedCrime && <Tag color="red">{t('problems.suspectedCrime')}</Tag>}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

type Action = [key: string, allowed: boolean, form: ComponentType<ActionProps>];

/** The forms the signed-in user may use in the problem's current status (the table in docs/integrators/api.md). */
function ActionPanel(props: Omit<ActionProps, 'userId'> & { reference: Reference }) {
  const { t, pick } = useI18n();
  const { session, can } = useSession();
  const { problem: p } = props;
  const user = session!.user;
  const s = p.status.code;
  const open = s !== 'closed';
  const analyst = can('analyst');
  const unit =
    (user.roles.includes('town-officer') && !!p.town && user.towns.includes(p.town.code)) ||
    (user.roles.includes('department-officer') && !!p.leadDepartment && user.departments.includes(p.leadDepartment.code));
  const cooperating = user.roles.includes('department-officer') && p.cooperatingDepartments.some((d) => user.departments.includes(d.code));
  const actions = (
    [
      ['assign', analyst && (s === 'open' || s === 'returned'), AssignForm],
      ['sign-off', unit && s === 'assigned', SignOffForms],
      ['rectification', unit && s === 'rectifying', RectificationForm],
      ['verification', can('verifier', 'analyst') && s === 'verifying', VerificationForm],
      ['extension-decision', analyst && open && !!p.requestedDeadline, ExtensionDecisionForm],
      ['progress', (unit || cooperating) && s === 'rectifying', ProgressForm],
      ['extension-request', unit && s === 'rectifying' && !p.requestedDeadline, ExtensionRequestForm],
      ['triage', analyst && (s === 'open' || s === 'returned' || s === 'assigned'), TriageForm],
      ['consultation', analyst && open, ConsultationForm],
      ['supervision', analyst && open && p.supervision?.code !== 'listed', SupervisionForm],
      ['city-coordination', analyst && open && (p.crossTown || p.crossDepartment) && !p.escalatedToCity, CityCoordinationForm],
      ['joint-action', analyst && open, JointActionForm],
      ['suspected-crime', analyst && open && !p.suspectedCrime, SuspectedCrimeForm],
      ['reopen', analyst && s === 'closed' && !p.recurredAs, ReopenForm],
    ] satisfies Action[]
  ).filter(([, allowed]) => allowed);
  const [active, setActive] = useState<string>();
  const keys = actions.map(([key]) => key);
  const activeKey = active && keys.includes(active) ? active : keys[0];
  if (!actions.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.actions.none', { status: pick(p.status) })} />;
  }
  return (
    <Tabs
      key={s}
      activeKey={activeKey}
      onChange={setActive}
      items={actions.map(([key, , Form]) => ({
        key,
        label: t(`problems.action.${key}`),
        children: <Form {...props} userId={user.userId} />,
      }))}
    />
  );
}

/** The clues behind the problem; those who may read clues see each one's channel and text, with a link to it. */
function LinkedClues({ problem, timeline }: { problem: Problem; timeline?: Timeline }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const clueIds = timeline?.clueIds ?? problem.clueIds;
  const readable = can(...PAGE_ROLES.clues);
  const [clues, setClues] = useState<Record<string, { channel: { zh: string; en: string }; description: string }>>({});
  const key = clueIds.join(',');
  useEffect(() => {
    if (!readable || !key) return;
    let live = true;
    const ids = key.split(',').slice(0, 20);
    void Promise.allSettled(ids.map((id) => api<{ channel: { zh: string; en: string }; description: string }>(`/api/intake/clues/${id}`))).then((answers) => {
      if (!live) return;
      const found: typeof clues = {};
      answers.forEach((a, i) => {
        if (a.status === 'fulfilled') found[ids[i]] = a.value;
      });
      setClues(found);
    });
    return () => {
      live = false;
    };
  }, [readable, key]);
  const short = (id: string) => t('problems.clues.clue', { id: id.slice(-8) });
  return (
    <Card title={t('problems.clues.title', { n: clueIds.length })}>
      {clueIds.length === 0 ? (
        <Typography.Text type="secondary">{t('problems.clues.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {clueIds.map((id) =>
            readable ? (
              <Link key={id} to={`/clues/${id}`} data-testid="linked-clue">
                {clues[id] ? (
                  <Typography.Text ellipsis={{ tooltip: clues[id].description }} style={{ color: 'inherit', maxWidth: '100%' }}>
                    {pick(clues[id].channel)} · {clues[id].description}
                  </Typography.Text>
                ) : (
                  short(id)
                )}
              </Link>
            ) : (
              <Typography.Text key={id}>{short(id)}</Typography.Text>
            ),
          )}
          {!readable && <Typography.Text type="secondary">{t('problems.clues.notAllowed')}</Typography.Text>}
        </Flex>
      )}
    </Card>
  );
}
