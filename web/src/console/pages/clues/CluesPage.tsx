import { Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Tag, theme, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, Outlet, Route, Routes, useLocation, useMatch, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { beijing, optionsOf, useErrorMessage, useReference } from '../problems/common';
import { ClueDetail } from './ClueDetail';
import { CLUE_STATUS_COLOURS, CLUE_STATUSES, type Clue, type QueueContext } from './types';

const PAGE = 30;

/** 线索研判: the queue on the left, the selected clue (/clues/:clueId) and its duplicate suggestions beside it. */
export default function CluesPage() {
  return (
    <Routes>
      <Route element={<Queue />}>
        <Route index element={<NothingSelected />} />
        <Route path=":clueId" element={<ClueDetail />} />
      </Route>
    </Routes>
  );
}

function NothingSelected() {
  const { t } = useI18n();
  return (
    <Card>
      <Empty description={t('clues.pick')} />
    </Card>
  );
}

function Queue() {
  const { t, pick } = useI18n();
  const { token } = theme.useToken();
  const reference = useReference();
  const report = useErrorMessage();
  const location = useLocation();
  const selected = useMatch('/clues/:clueId')?.params.clueId;
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'received';
  const channel = params.get('channel') ?? undefined;
  const townCode = params.get('townCode') ?? undefined;
  const [clues, setClues] = useState<Clue[]>();
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);

  const fetchPage = useCallback(
    (offset: number) => {
      const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
      if (status !== 'all') q.set('status', status);
      if (channel) q.set('channel', channel);
      if (townCode) q.set('townCode', townCode);
      return api<Clue[]>(`/api/intake/clues?${q}`);
    },
    [status, channel, townCode],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchPage(0)
      .then(
        (page) => {
          if (!live) return;
          setClues(page);
          setMore(page.length === PAGE);
        },
        (e) => live && report(e),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [fetchPage, generation, report]);

  const loadMore = async () => {
    setLoading(true);
    try {
      const page = await fetchPage(clues?.length ?? 0);
      setClues((current) => [...(current ?? []), ...page.filter((c) => !current?.some((x) => x.clueId === c.clueId))]);
      setMore(page.length === PAGE);
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  };

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const context: QueueContext = { reference, refresh };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xxl={6}>
        <Card
          title={t('clues.title')}
          size="small"
          extra={
            <Button size="small" onClick={refresh}>
              {t('clues.refresh')}
            </Button>
          }
        >
          <Flex vertical gap={8} role="search" aria-label={t('clues.filters')} style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('clues.field.status')}
              value={status}
              options={[...CLUE_STATUSES.map((s) => ({ value: s, label: t(`clues.status.${s}`) })), { value: 'all', label: t('clues.status.all') }]}
              onChange={(value: string) => set('status', value === 'received' ? undefined : value)}
            />
            <Flex gap={8}>
              <Select
                allowClear
                aria-label={t('clues.field.channel')}
                placeholder={t('clues.filter.channel')}
                style={{ flex: 1, minWidth: 0 }}
                value={channel}
                options={optionsOf(reference?.channels, pick)}
                onChange={(value?: string) => set('channel', value)}
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('clues.field.town')}
                placeholder={t('clues.filter.town')}
                style={{ flex: 1, minWidth: 0 }}
                value={townCode}
                options={optionsOf(reference?.towns, pick)}
                onChange={(value?: string) => set('townCode', value)}
              />
            </Flex>
          </Flex>
          {!clues ? (
            <Skeleton active />
          ) : clues.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.empty')} />
          ) : (
            <Flex vertical gap={8} component="nav" aria-label={t('clues.list')}>
              {clues.map((c) => {
                const active = c.clueId === selected;
                return (
                  <Link
                    key={c.clueId}
                    to={{ pathname: `/clues/${c.clueId}`, search: location.search }}
                    data-testid="clue-row"
                    aria-current={active ? 'page' : undefined}
                    style={{
                      display: 'block',
                      padding: active ? '8px 12px 8px 9px' : '8px 12px',
                      borderRadius: token.borderRadius,
                      border: `1px solid ${active ? token.colorPrimary : token.colorBorderSecondary}`,
                      borderLeftWidth: active ? 4 : 1,
                      background: active ? token.colorFillQuaternary : token.colorBgContainer,
                      color: token.colorText,
                    }}
                  >
                    <Flex justify="space-between" align="center" gap={4}>
                      <span>
                        <Tag>{pick(c.category)}</Tag>
                        <Tag color={CLUE_STATUS_COLOURS[c.status]}>{t(`clues.status.${c.status}`)}</Tag>
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {beijing(c.registeredAt)}
                      </Typography.Text>
                    </Flex>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 2px' }}>
                      {c.description}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {pick(c.channel)} · {c.town ? pick(c.town) : t('clues.noTown')}
                      {c.attachments.length > 0 && ` · ${t('clues.attachmentCount', { n: c.attachments.length })}`}
                    </Typography.Text>
                  </Link>
                );
              })}
              {more && (
                <Button onClick={loadMore} loading={loading}>
                  {t('clues.more')}
                </Button>
              )}
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16} xxl={18}>
        <Outlet context={context} />
      </Col>
    </Row>
  );
}
