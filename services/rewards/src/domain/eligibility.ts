import type { CandidateCheck, ExclusionReason, ManualExclusion } from '@qingyuan/contracts';
import type { RewardRules } from './rules';

/** What rewards knows of a clue from intake's events: facts, never an identity. */
export interface ClueFacts {
  clueId: string;
  channel: string;
  registeredAt: string;
  anonymous: boolean;
  /** real name at the report, or identified later with the receipt code */
  identifiable: boolean;
  insider: boolean;
  organisationKind?: string;
}

export interface OfficerFindings {
  exclusions: Array<{ clueId: string; reason: ManualExclusion; note?: string }>;
  /** the department knew of the problem before anyone reported it */
  knownBeforeReport: boolean;
}

export interface Eligibility {
  checks: CandidateCheck[];
  eligibleClueId?: string;
}

/**
 * Who among a problem's reporters is eligible: reporters from excluded channels or organisations, or excluded by the
 * officer, are out; of the rest, only the first to report is rewarded (Shandong 2019 and Hangzhou 2024 precedents).
 * Nobody is eligible when the department already knew. Identifiability is recorded, not required here: an anonymous
 * reporter may still identify with the receipt code before the payout.
 */
export function checkEligibility(rules: RewardRules, candidates: ClueFacts[], findings: OfficerFindings): Eligibility {
  const manual = new Map(findings.exclusions.map((e) => [e.clueId, e]));
  const excludedBy = (c: ClueFacts): { reason?: ExclusionReason; note?: string } => {
    const officer = manual.get(c.clueId);
    if (officer) return { reason: officer.reason, note: officer.note };
    if (rules.excludedChannels.includes(c.channel as never)) return { reason: 'excluded-channel' };
    if (c.organisationKind && rules.excludedOrganisationKinds.includes(c.organisationKind as never)) return { reason: 'excluded-organisation' };
    if (rules.requireRealNameAtReport && c.anonymous) return { reason: 'anonymous-at-report' };
    if (findings.knownBeforeReport) return { reason: 'already-known' };
    return {};
  };
  const ordered = [...candidates].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.clueId.localeCompare(b.clueId));
  let first: string | undefined;
  const checks = ordered.map((c): CandidateCheck => {
    const { reason, note } = excludedBy(c);
    const isFirst = !reason && first === undefined;
    if (isFirst) first = c.clueId;
    const check: CandidateCheck = {
      clueId: c.clueId,
      channel: c.channel,
      registeredAt: c.registeredAt,
      identifiable: c.identifiable,
      insider: c.insider,
      first: isFirst,
    };
    if (c.organisationKind) check.organisationKind = c.organisationKind;
    const excluded = reason ?? (isFirst ? undefined : 'not-first');
    if (excluded) check.excluded = excluded;
    if (note) check.note = note;
    return check;
  });
  return { checks, eligibleClueId: first };
}
