import type { Principal, Role } from '@qingyuan/auth';
import { streamIds, uuidv7, type AgencyKind, type EventMetadata, type TransferDrafted, type TransferKind } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import { handleCommand, type AppendResult, type PgEventStore } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import { checkThresholds, type CrimeFacts, type ThresholdCheck } from '../domain/thresholds';
import type { Party } from '../domain/time-limits';
import { transferDecider, type TransferCommand } from '../domain/transfer';
import type { TransferState } from '../domain/transfer-state';
import type { JudicialRules } from '../settings/judicial-rules';
import type { Agencies } from './agencies';
import type { Leads } from './leads';
import type { Timers } from './timers';

/** Who speaks for the bureau in a transfer. */
export const BUREAU_ROLES: Role[] = ['judicial-officer', 'bureau-head', 'admin'];

export interface DraftInput {
  kind: TransferKind;
  title: string;
  summary: string;
  suspect: TransferDrafted['suspect'];
  teamIds: string[];
  leadId?: string;
  problemId?: string;
  enterpriseId?: string;
  townCode?: string;
  policeCode?: string;
  procuratorateCode?: string;
}

export const notFound = () => new DomainError('TRANSFER_NOT_FOUND', '移送案件不存在或未移送至您的机关', 'No such transfer, or it was not sent to your agency', 'not-found');

/**
 * The party an account acts as on a transfer: the bureau, or the agency the transfer was sent to (the police and the
 * procuratorate once it is sent, the court once a prosecution names it). Anyone else is told it does not exist.
 */
export function partyOf(p: Principal, state: Pick<TransferState, 'drafted' | 'court' | 'done'>): Party {
  if (p.roles.some((r) => BUREAU_ROLES.includes(r))) return 'bureau';
  const org = p.organisation;
  const d = state.drafted;
  if (!d || !org || !state.done.includes('TransferSent')) throw notFound();
  const agencyOf: Record<AgencyKind, string | undefined> = { police: d.police.code, procuratorate: d.procuratorate.code, court: state.court?.code };
  const kind = org.kind as AgencyKind;
  if (kind in agencyOf && agencyOf[kind] === org.code && p.roles.includes(`${kind}-liaison` as Role)) return kind;
  throw notFound();
}

/** Transfers (行刑衔接): every step a command on the transfer's stream, its time limits kept in the same transaction. */
export class Transfers {
  constructor(
    private readonly store: PgEventStore,
    private readonly agencies: Agencies,
    private readonly rules: JudicialRules,
    private readonly timers: Timers,
    private readonly leads: Leads,
    private readonly clock: () => Date,
  ) {}

  /** Legal time limits run on business time: the event says when it happened by the service's clock. */
  private metadata(p: Principal): EventMetadata {
    return eventMetadata(actorOf(p), { occurredAt: this.clock().toISOString() });
  }

  async draft(p: Principal, input: DraftInput): Promise<string> {
    const transferId = uuidv7();
    const police = input.policeCode ? await this.agencies.require(input.policeCode, 'police') : await this.agencies.defaultOf('police');
    const procuratorate = input.procuratorateCode ? await this.agencies.require(input.procuratorateCode, 'procuratorate') : await this.agencies.defaultOf('procuratorate');
    await this.store.db.transaction(async (tx) => {
      const lead = input.leadId ? await this.leads.take(tx, input.leadId, transferId) : undefined;
      const drafted: TransferDrafted = {
        transferId,
        kind: input.kind,
        title: input.title.trim(),
        summary: input.summary.trim(),
        suspect: input.suspect,
        teamIds: [...new Set(input.teamIds)],
        police,
        procuratorate,
        ...optional({
          problemId: lead?.problemId ?? input.problemId,
          enterpriseId: lead?.enterpriseId ?? input.enterpriseId,
          enforcementCaseId: lead?.enforcementCaseId,
          townCode: lead?.townCode ?? input.townCode,
          reportedCriteria: lead?.criteria.length ? lead.criteria : undefined,
        }),
      };
      await handleCommand(this.store, streamIds.transfer(transferId), transferDecider, { kind: 'draft', drafted, by: 'bureau' }, this.metadata(p), { tx });
    });
    return transferId;
  }

  /** Any other step, by whichever party the account acts as. */
  act(p: Principal, transferId: string, command: StepCommand, expectedVersion?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const required = (await this.rules.current('materials', tx)).rules;
      let kind: TransferKind = 'criminal';
      const result = await handleCommand(
        this.store,
        streamIds.transfer(transferId),
        transferDecider,
        (state) => {
          if (state.status === 'none') throw notFound();
          kind = state.drafted!.kind;
          const by = partyOf(p, state);
          return (command.kind === 'send' ? { ...command, by, requiredMaterials: required[kind] } : { ...command, by }) as TransferCommand;
        },
        this.metadata(p),
        { tx, expectedVersion },
      );
      await this.timers.follow(tx, transferId, kind, result.events);
      return result;
    });
  }

  /** 刑事立案标准对照 without a transfer: decision support for an officer weighing one. */
  async thresholds(facts: CrimeFacts): Promise<ThresholdCheck & { configVersion: number }> {
    const config = await this.rules.current('thresholds');
    return { ...checkThresholds(facts, config.rules), configVersion: config.version };
  }

  /** The check on the record of the transfer: the facts, what they meet, and the threshold table's version. */
  async checkThreshold(p: Principal, transferId: string, facts: CrimeFacts): Promise<AppendResult> {
    const result = await this.thresholds(facts);
    const criteria = result.met.map(({ code, article, zh, en }) => ({ code, article, zh, en }));
    return this.act(p, transferId, { kind: 'check-threshold', check: { facts: facts as Record<string, unknown>, suspected: result.suspected, ...(result.tier ? { tier: result.tier } : {}), criteria, configVersion: result.configVersion } });
  }

  /** A material of the checklist; its id is made here so the answer can name it. */
  addMaterial(p: Principal, transferId: string, material: { materialKind: string; title: string; reference: string; pages?: number }): Promise<AppendResult> {
    return this.act(p, transferId, { kind: 'add-material', material: { materialId: uuidv7(), ...material } });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A step as the API gives it: the party and the required materials are the service's to fill in. */
export type StepCommand = DistributiveOmit<Exclude<TransferCommand, { kind: 'draft' }>, 'by' | 'requiredMaterials'>;

function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
