import { Button, Descriptions, Flex, Image, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { beijing, describe, useErrorMessage, useLabels, useSeparators, type Reference } from '../problems/common';
import type { Attachment, Clue } from './types';

const attachmentPath = (clueId: string, a: Attachment) => `/api/intake/clues/${clueId}/attachments/${a.attachmentId}`;
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A photo fetched with the signed-in user's token, shown from an object URL (freed when it leaves the page). */
function Photo({ clueId, attachment, index }: { clueId: string; attachment: Attachment; index: number }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let created: string | undefined;
    api<Blob>(attachmentPath(clueId, attachment)).then(
      (blob) => {
        if (!live) return;
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [clueId, attachment]);
  const taken = attachment.takenAt;
  return (
    <Flex vertical gap={2} style={{ width: 132 }}>
      {url ? (
        <Image src={url} width={132} height={132} style={{ objectFit: 'cover', borderRadius: 6 }} alt={t('clues.photo', { n: index + 1 })} />
      ) : failed ? (
        <Flex align="center" justify="center" style={{ width: 132, height: 132, background: '#fafafa', borderRadius: 6 }}>
          <Typography.Text type="secondary">{t('clues.photoFailed')}</Typography.Text>
        </Flex>
      ) : (
        <Skeleton.Image active style={{ width: 132, height: 132 }} />
      )}
      {taken && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('clues.takenAt', { lat: taken.lat.toFixed(5), lng: taken.lng.toFixed(5) })}
          {taken.at ? ` · ${beijing(taken.at)}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A video as a link: fetched with the token on demand (videos can be large), then opened from an object URL. */
function Video({ clueId, attachment, index }: { clueId: string; attachment: Attachment; index: number }) {
  const { t } = useI18n();
  const report = useErrorMessage();
  const [url, setUrl] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const label = t('clues.video', { n: index + 1, size: megabytes(attachment.size) });
  if (url) {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
    );
  }
  const load = async () => {
    setBusy(true);
    try {
      const blob = await api<Blob>(attachmentPath(clueId, attachment));
      const created = URL.createObjectURL(blob);
      setUrl(created);
      window.open(created, '_blank', 'noopener');
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" onClick={load} loading={busy} style={{ padding: 0 }}>
      {label}
    </Button>
  );
}

export function Attachments({ clue }: { clue: Clue }) {
  const { t } = useI18n();
  const photos = clue.attachments.filter((a) => a.kind === 'photo');
  const videos = clue.attachments.filter((a) => a.kind !== 'photo');
  if (!clue.attachments.length) return <Typography.Text type="secondary">{t('clues.noAttachments')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {photos.map((a, i) => (
              <Photo key={a.attachmentId} clueId={clue.clueId} attachment={a} index={i} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {videos.map((a, i) => (
        <Video key={a.attachmentId} clueId={clue.clueId} attachment={a} index={i} />
      ))}
    </Flex>
  );
}

/** Everything staff may know about a clue; of the reporter only the kind of report and a count, never who. */
export function ClueFacts({ clue: c, reference }: { clue: Clue; reference?: Reference }) {
  const { t, pick } = useI18n();
  const sep = useSeparators();
  const label = useLabels();
  const town: ReactNode = c.town ? (
    <Flex gap={4} wrap align="center">
      <span>{pick(c.town)}</span>
      <Typography.Text type="secondary">{t('clues.townSourceNote', { source: t(`clues.townSource.${c.town.source}`) })}</Typography.Text>
      {c.town.approximate && <Tag color="orange">{t('clues.approximate')}</Tag>}
    </Flex>
  ) : (
    <Typography.Text type="warning">{t('clues.noTown')}</Typography.Text>
  );
  const reporter: ReactNode = (
    <Flex gap={4} wrap align="center">
      <Tag>{c.reporter.anonymous ? t('clues.reporter.anonymous') : c.reporter.realName ? t('clues.reporter.realName') : t('clues.reporter.named')}</Tag>
      {c.reporter.insider && <Tag color="purple">{t('clues.reporter.insider')}</Tag>}
      {c.reportsBySamePerson !== undefined && c.reportsBySamePerson !== null && (
        <Typography.Text type={c.reportsBySamePerson > 1 ? 'warning' : 'secondary'}>{t('clues.reporter.count', { n: c.reportsBySamePerson })}</Typography.Text>
      )}
    </Flex>
  );
  const s = c.source ?? {};
  const source = [
    s.referenceNumber && <span key="ref">
        {t('clues.source.reference')}
        {sep.colon}
        {s.referenceNumber}
      </span>,
    s.link && (
      <span key="link">
        {t('clues.source.link')}
        {sep.colon}
        <a href={s.link} target="_blank" rel="noopener noreferrer nofollow">
          {s.link}
        </a>
      </span>
    ),
    s.organisation && (
      <span key="org">
        {t('clues.source.organisation')}
        {sep.colon}
        {t('problems.withNote', { text: s.organisation.name, note: t(`clues.organisationKind.${s.organisation.kind}`) })}
      </span>
    ),
    s.gridCode && (
      <span key="grid">
        {t('clues.source.grid')}
        {sep.colon}
        {s.gridCode}
      </span>
    ),
    s.originEventType && (
      <span key="origin">
        {t('clues.source.origin')}
        {sep.colon}
        {s.originEventType}
      </span>
    ),
  ].filter(Boolean);
  const point = c.location?.lat !== undefined && c.location?.lng !== undefined ? `${Number(c.location.lat).toFixed(5)}, ${Number(c.location.lng).toFixed(5)}` : '';
  const rows: Array<[string, ReactNode, boolean?]> = [
    ['channel', pick(c.channel)],
    ['category', pick(c.category)],
    ['town', town, true],
    ['address', c.location?.address, true],
    ['point', point],
    ['observedAt', c.observedAt && t('clues.beijing', { time: beijing(c.observedAt) })],
    ['registeredAt', t('clues.beijing', { time: beijing(c.registeredAt) })],
    ['reporter', reporter, true],
    ['source', source.length ? <Flex vertical>{source}</Flex> : null, true],
    ['problem', c.problemId && <Link to={`/problems/${c.problemId}`}>{t('clues.openProblem')}</Link>],
    ['mergedInto', c.mergedInto && <Link to={`/clues/${c.mergedInto}`}>{t('clues.openMergedInto')}</Link>],
    ['rejection', c.rejection && `${pick(c.rejection)}${sep.colon}${c.rejection.reason}`, true],
    ['referredTo', c.referredTo, true],
    ['townCode', c.location?.townCode && c.town?.code !== c.location.townCode ? label(reference?.towns, c.location.townCode) : null],
  ];
  const items = describe(rows.map(([key, value, wide]) => [key, t(`clues.field.${key}`), value, wide]));
  return <Descriptions size="small" column={{ xs: 1, sm: 1, xxl: 2 }} items={items} />;
}
