import {
  streamIds,
  uuidv7,
  type Actor,
  type Category,
  type Channel,
  type ClueSource,
  type Location,
  newReceiptCode,
  receiptCodeHash,
} from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import { StreamAlreadyExists, type Tx } from '@qingyuan/event-store';
import { fieldError } from '@qingyuan/service-kit';
import { prepareAttachments, saveAttachments, type UploadedFile } from '../attachments/attachments';
import type { TownLocator } from '../location/town-locator';
import type { IdentityVault, ReporterIdentity } from '../vault/identity-vault';
import type { ClueService } from './clue.service';

/** A clue from any channel, before it is registered. */
export interface NewClue {
  channel: Channel;
  category: Category;
  description: string;
  observedAt?: string;
  location: Location;
  anonymous: boolean;
  insider?: boolean;
  identity?: ReporterIdentity;
  source?: ClueSource;
  files?: UploadedFile[];
  /** people get a receipt code to follow their report; imports and machines do not */
  withReceipt: boolean;
  /** a deterministic id (hotline ticket, origin event), so that registering twice creates nothing twice */
  clueId?: string;
}

export interface Registered {
  clueId: string;
  receiptCode?: string;
  submittedAt: string;
  /** false when a clue with this deterministic id was already registered */
  created: boolean;
}

export const BLOCKED = () =>
  new DomainError('REPORTER_BLOCKED', '该举报人因多次恶意举报已被限制', 'This reporter has been blocked for malicious reports', 'forbidden');

/**
 * The one way in for every channel: check the place and the files, find the town, keep the identity in the vault,
 * store the attachments, append ClueRegistered — all in one transaction, so a refusal leaves nothing behind.
 */
export class ClueRegistration {
  constructor(
    private readonly clues: ClueService,
    private readonly vault: IdentityVault,
    private readonly towns: TownLocator,
  ) {}

  async register(clue: NewClue, actor: Actor, tx?: Tx): Promise<Registered> {
    const { location } = clue;
    if (location.address === undefined && (location.lat === undefined || location.lng === undefined)) {
      throw fieldError('location', '请在地图上选点或填写地址', 'needs a map point (lat and lng) or an address');
    }
    if (clue.anonymous && clue.identity) throw fieldError('reporter', '匿名举报请勿填写身份信息', 'must be left out of an anonymous report');
    if (!clue.anonymous && !clue.identity) throw fieldError('reporter', '实名举报请填写姓名和联系电话', 'is required for a real-name report');
    const attachments = prepareAttachments(clue.files ?? []);
    await this.towns.refresh();
    const town = this.towns.locate(location);
    const clueId = clue.clueId ?? uuidv7();
    const receiptCode = clue.withReceipt ? newReceiptCode() : undefined;
    const work = async (t: Tx): Promise<Registered> => {
      if (clue.clueId && (await this.clues.store.streamVersion(streamIds.clue(clueId), t)) > 0) {
        return { clueId, submittedAt: '', created: false };
      }
      if (clue.identity && (await this.vault.isBlacklisted(t, clue.identity.phone))) throw BLOCKED();
      const ref = clue.identity ? await this.vault.store(t, clue.identity) : undefined;
      await saveAttachments(t, clueId, attachments);
      const result = await this.clues.run(
        clueId,
        {
          kind: 'register',
          clueId,
          channel: clue.channel,
          category: clue.category,
          description: clue.description,
          observedAt: clue.observedAt ? new Date(clue.observedAt).toISOString() : undefined,
          location: { lat: location.lat, lng: location.lng, address: location.address, townCode: town.townCode },
          townSource: town.source,
          townApproximate: town.approximate || undefined,
          reporter: { anonymous: clue.anonymous, ref, insider: clue.insider ?? false },
          source: clue.source && Object.keys(clue.source).length ? clue.source : undefined,
          attachments: attachments.length ? attachments.map((a) => a.ref) : undefined,
          receiptCodeHash: receiptCode ? receiptCodeHash(receiptCode) : undefined,
        },
        actor,
        { tx: t },
      );
      return { clueId, receiptCode, submittedAt: result.events[0].recordedAt, created: true };
    };
    try {
      return tx ? await work(tx) : await this.clues.store.db.transaction(work);
    } catch (error) {
      if (clue.clueId && error instanceof StreamAlreadyExists) return { clueId, submittedAt: '', created: false };
      throw error;
    }
  }
}

