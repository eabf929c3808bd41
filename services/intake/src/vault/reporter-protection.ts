import { PRIVACY_STREAM_PREFIX, type ReporterKeyDestroyed } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import type { PgEventStore } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import type { ClueQueries } from '../clues/clue.queries';
import type { ClueService } from '../clues/clue.service';
import { BLOCKED } from '../clues/registration';
import type { IdentityAccess, IdentityVault, ReporterIdentity } from './identity-vault';

/** What staff may do with a clue's reporter, each step through the vault and on the record. */
export class ReporterProtection {
  constructor(
    private readonly store: PgEventStore,
    private readonly vault: IdentityVault,
    private readonly queries: ClueQueries,
    private readonly clues: ClueService,
  ) {}

  /**
   * An anonymous reporter identifies with the receipt code (to claim a reward): the identity goes into the vault and
   * the clue's stream records only the reference, in one transaction.
   */
  async identify(clueId: string, identity: ReporterIdentity): Promise<void> {
    await this.store.db.transaction(async (tx) => {
      if (await this.vault.isBlacklisted(tx, identity.phone)) throw BLOCKED();
      const reporterRef = await this.vault.store(tx, identity);
      await this.clues.run(clueId, { kind: 'identify', reporterRef }, { kind: 'public' }, { tx });
    });
  }

  async view(clueId: string, access: IdentityAccess): Promise<ReporterIdentity | undefined> {
    const ref = await this.queries.reporterRef(clueId);
    return ref ? this.store.db.transaction((tx) => this.vault.resolve(tx, ref, access)) : undefined;
  }

  /** Crypto-shredding, recorded as an event on the reporter's privacy stream (no identity in it). */
  async destroy(clueId: string, admin: Principal, reason: string): Promise<boolean> {
    const ref = await this.queries.reporterRef(clueId);
    if (!ref) return false;
    return this.store.db.transaction(async (tx) => {
      if (!(await this.vault.destroy(tx, ref, admin.userId, reason))) return false;
      const data: ReporterKeyDestroyed = { reporterRef: ref, reason };
      await this.store.appendIn(tx, `${PRIVACY_STREAM_PREFIX}${ref}`, 'any', [{ type: 'ReporterKeyDestroyed', data }], eventMetadata(actorOf(admin)));
      return true;
    });
  }

  async blacklist(clueId: string, admin: Principal, reason: string): Promise<boolean> {
    const ref = await this.queries.reporterRef(clueId);
    return ref ? this.vault.blacklist(this.store.db, ref, reason, admin.userId) : false;
  }
}
