import { Alert, App, Button, Card, Col, Divider, Flex, Popconfirm, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { Link, useOutletContext, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { beijing, command, useApiErrors, useErrorMessage } from '../problems/common';
import { AcceptModal, ReferModal, RejectModal, TownModal, type ClueAction, type ClueModalProps } from './clue-actions';
import { Attachments, ClueFacts } from './clue-facts';
import { Duplicates } from './duplicates';
import { CLUE_STATUS_COLOURS, type Clue, type QueueContext, type Suggestion } from './types';

const MODALS: Record<ClueAction, (props: ClueModalProps) => JSX.Element> = {
  accept: AcceptModal,
  reject: RejectModal,
  refer: ReferModal,
  town: TownModal,
};

/** The selected clue: what it says, its photos, the actions on it, and its suggested duplicates beside it. */
export function ClueDetail() {
  const { clueId = '' } = useParams();
  const { reference, refresh } = useOutletContext<QueueContext>();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useErrorMessage();
  const commandErrors = useApiErrors([]);
  const [clue, setClue] = useState<Clue>();
  const [missing, setMissing] = useState<ApiError>();
  const [suggestions, setSuggestions] = useState<Suggestion[]>();
  const [modal, setModal] = useState<{ action: ClueAction; joinProblemId?: string }>();
  const [opening, setOpening] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const current = useRef(clueId);
  current.current = clueId;
  const analyst = can('analyst');
  const triage = can('analyst', 'hotline-staff');

  const load = useCallback(async (): Promise<Clue | undefined> => {
    const id = clueId;
    try {
      const found = await api<Clue>(`/api/intake/clues/${id}`);
      if (current.current !== id) return undefined;
      setClue(found);
      setMissing(undefined);
      return found;
    } catch (error) {
      if (current.current !== id) return undefined;
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(error);
      else report(error);
      return undefined;
    }
  }, [clueId, report]);

  const loadSuggestions = useCallback(async () => {
    const id = clueId;
    if (!triage) return setSuggestions([]);
    try {
      const found = await api<Suggestion[]>(`/api/intake/clues/${id}/duplicates`);
      if (current.current === id) setSuggestions(found);
    } catch (error) {
      if (current.current !== id) return;
      setSuggestions([]);
      if (!(error instanceof ApiError && error.status === 404)) report(error);
    }
  }, [clueId, triage, report]);

  useEffect(() => {
    setClue(undefined);
    setSuggestions(undefined);
    setMissing(undefined);
    setOpening(false);
    setModal(undefined);
    void load();
    void loadSuggestions();
  }, [load, loadSuggestions]);

  // Accepting is immediate, the problem is opened by cases a moment later: look again until the clue names it.
  useEffect(() => {
    if (!opening) return;
    let live = true;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const found = await load();
      if (!live) return;
      if (found?.problemId || found?.status !== 'accepted' || ++tries >= 20) setOpening(false);
      else timer = setTimeout(tick, 500);
    };
    timer = setTimeout(tick, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [opening, load]);

  const reloadAll = useCallback(() => {
    void load();
    void loadSuggestions();
    refresh();
  }, [load, loadSuggestions, refresh]);

  if (missing) {
    return (
      <Card>
        <Result status="404" title={pick(missing.text)} />
      </Card>
    );
  }
  if (!clue) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const received = clue.status === 'received';
  const run = async (call: () => Promise<unknown>, success: string, after: () => void = reloadAll) => {
    try {
      await call();
      message.success(success);
      after();
    } catch (error) {
      commandErrors.fail(error, reloadAll);
    }
  };
  const merge = (into: Suggestion) =>
    run(() => command(`/api/intake/clues/${clue.clueId}/merge`, { intoClueId: into.clueId }, clue.version), t('clues.dup.merged'));
  const dismiss = (candidate: Suggestion) =>
    run(() => command(`/api/intake/clues/${clue.clueId}/dismiss-duplicate`, { candidateClueId: candidate.clueId }), t('clues.dup.dismissed'), () => {
      // the dismissal is an event on this clue: its version moved, so read it again (If-Match of the next command)
      void load();
      void loadSuggestions();
    });
  const unmerge = () => run(() => command(`/api/intake/clues/${clue.clueId}/unmerge`, {}), t('clues.unmerged'));
  // 受理立案 in one click (a new problem); joining a running problem or adding a note goes through the modal
  const accept = async () => {
    setAccepting(true);
    await run(() => command(`/api/intake/clues/${clue.clueId}/accept`, {}, clue.version), t('clues.accept.done'), () => {
      reloadAll();
      setOpening(true);
    });
    setAccepting(false);
  };
  const running = (suggestions ?? []).some((s) => s.problemId);
  const Modal = modal && MODALS[modal.action];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={triage ? 14 : 24}>
        <Card
          size="small"
          title={
            <Flex gap={4} wrap align="center">
              <Tag>{pick(clue.category)}</Tag>
              <Tag color={CLUE_STATUS_COLOURS[clue.status]}>{t(`clues.status.${clue.status}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {pick(clue.channel)}
              </Typography.Text>
            </Flex>
          }
          extra={<Typography.Text type="secondary">{beijing(clue.registeredAt)}</Typography.Text>}
        >
          {opening && !clue.problemId && <Alert type="info" showIcon title={t('clues.opening')} style={{ marginBottom: 12 }} />}
          {clue.status === 'accepted' && clue.problemId && (
            <Alert
              type="success"
              showIcon
              title={t('clues.acceptedInto')}
              action={
                <Link to={`/problems/${clue.problemId}`} data-testid="open-problem">
                  {t('clues.openProblem')}
                </Link>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Typography.Paragraph data-testid="clue-description" style={{ fontSize: 15, whiteSpace: 'pre-wrap' }}>
            {clue.description}
          </Typography.Paragraph>
          {analyst && received && running && <Alert type="info" showIcon title={t('clues.accept.runningHint')} style={{ marginBottom: 12 }} />}
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            {analyst && received && (
              <>
                <Button type="primary" loading={accepting} onClick={accept} data-testid="accept-clue">
                  {t('clues.action.accept')}
                </Button>
                <Button onClick={() => setModal({ action: 'accept' })} data-testid="accept-with-options">
                  {t('clues.action.acceptOptions')}
                </Button>
                <Button danger onClick={() => setModal({ action: 'reject' })} data-testid="reject-clue">
                  {t('clues.action.reject')}
                </Button>
                <Button onClick={() => setModal({ action: 'refer' })} data-testid="refer-clue">
                  {t('clues.action.refer')}
                </Button>
              </>
            )}
            {triage && received && (
              <Button onClick={() => setModal({ action: 'town' })} data-testid="correct-town">
                {t('clues.action.town')}
              </Button>
            )}
            {analyst && clue.status === 'merged' && (
              <Popconfirm title={t('clues.unmergeConfirm')} okText={t('clues.action.unmerge')} cancelText={t('clues.cancel')} onConfirm={unmerge}>
                <Button data-testid="unmerge-clue">{t('clues.action.unmerge')}</Button>
              </Popconfirm>
            )}
          </Flex>
          <ClueFacts clue={clue} reference={reference} />
          <Divider titlePlacement="start" plain>
            {t('clues.attachments')}
          </Divider>
          <Attachments clue={clue} />
        </Card>
      </Col>
      {triage && (
        <Col xs={24} xl={10}>
          <Duplicates
            clue={clue}
            suggestions={suggestions}
            reference={reference}
            canMerge={analyst && received}
            canDismiss={triage}
            canAccept={analyst && received}
            merge={merge}
            dismiss={dismiss}
            acceptInto={(problemId) => setModal({ action: 'accept', joinProblemId: problemId })}
          />
        </Col>
      )}
      {Modal && (
        <Modal
          clue={clue}
          suggestions={suggestions ?? []}
          reference={reference}
          joinProblemId={modal.joinProblemId}
          onClose={() => setModal(undefined)}
          onConflict={reloadAll}
          onDone={(action) => {
            setModal(undefined);
            reloadAll();
            if (action === 'accept') setOpening(true);
          }}
        />
      )}
    </Row>
  );
}
