import { streamIds, uuidv7, type Actor, type ClueProgressed } from '@qingyuan/contracts';
import { handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { eventMetadata, fieldError } from '@qingyuan/service-kit';
import { clueDecider, type ClueCommand } from './domain/clue';
import { newReceiptCode, receiptCodeHash } from './domain/receipt-code';
import type { PublicReportDto } from './http/report.dto';
import type { IdentityVault } from './vault/identity-vault';

/** Clue commands: each loads the clue's stream, lets the decider rule, and appends. */
export class ClueService {
  constructor(
    private readonly store: PgEventStore,
    private readonly vault: IdentityVault,
  ) {}

  /** A public report: the identity goes to the vault and the clue to the store, in one transaction. */
  async report(report: PublicReportDto, actor: Actor): Promise<{ clueId: string; receiptCode: string; submittedAt: string }> {
    const { location } = report;
    if (location.address === undefined && (location.lat === undefined || location.lng === undefined)) {
      throw fieldError('location', '请在地图上选点或填写地址', 'needs a map point (lat and lng) or an address');
    }
    if (report.anonymous && report.reporter) {
      throw fieldError('reporter', '匿名举报请勿填写身份信息', 'must be left out of an anonymous report');
    }
    if (!report.anonymous && !report.reporter) {
      throw fieldError('reporter', '实名举报请填写姓名和联系电话', 'is required for a real-name report');
    }
    const clueId = uuidv7();
    const receiptCode = newReceiptCode();
    const result = await this.store.db.transaction(async (tx) => {
      const ref = report.reporter ? await this.vault.store(tx, report.reporter) : undefined;
      return this.run(clueId, {
        kind: 'register',
        clueId,
        channel: 'public-web',
        category: report.category,
        description: report.description,
        observedAt: report.observedAt ? new Date(report.observedAt).toISOString() : undefined,
        location: { lat: location.lat, lng: location.lng, address: location.address, townCode: location.townCode },
        reporter: { anonymous: report.anonymous, ref, insider: report.insider ?? false },
        receiptCodeHash: receiptCodeHash(receiptCode),
      }, actor, { tx });
    });
    return { clueId, receiptCode, submittedAt: result.events[0].recordedAt };
  }

  accept(clueId: string, actor: Actor, note: string | undefined, expectedVersion?: number): Promise<AppendResult> {
    return this.run(clueId, { kind: 'accept', note }, actor, { expectedVersion });
  }

  reject(clueId: string, actor: Actor, reason: string, expectedVersion?: number): Promise<AppendResult> {
    return this.run(clueId, { kind: 'reject', reason }, actor, { expectedVersion });
  }

  /** Tell the reporter how the problem fed by this clue moves on (from cases' events). */
  recordProgress(
    tx: Tx,
    clueId: string,
    progress: Omit<ClueProgressed, 'clueId'>,
    correlationId: string,
  ): Promise<AppendResult> {
    return this.run(
      clueId,
      { kind: 'record-progress', ...progress },
      { kind: 'system', id: 'intake' },
      { tx, causationId: progress.sourceEventId, correlationId },
    );
  }

  private run(
    clueId: string,
    command: ClueCommand,
    actor: Actor,
    options: { tx?: Tx; expectedVersion?: number; causationId?: string; correlationId?: string },
  ): Promise<AppendResult> {
    const metadata = eventMetadata(actor, { causationId: options.causationId, correlationId: options.correlationId });
    return handleCommand(this.store, streamIds.clue(clueId), clueDecider, command, metadata, {
      tx: options.tx,
      expectedVersion: options.expectedVersion,
    });
  }
}
