import type { Sql } from '@qingyuan/event-store';
import { DEFAULT_DUPLICATE_RULES, suggestDuplicates, type DuplicateReasons, type DuplicateRules } from '../domain/duplicates/duplicate-score';
import type { ClueSummary } from './clue.queries';

export interface DuplicateSuggestion {
  clueId: string;
  status: string;
  problemId: string | null;
  description: string;
  category: string;
  townCode: string | null;
  registeredAt: string;
  score: number;
  reasons: DuplicateReasons;
}

interface CandidateRow {
  clue_id: string;
  category: string;
  description: string;
  location: { lat?: number; lng?: number; address?: string };
  observed_at: Date | null;
  registered_at: Date;
  status: string;
  problem_id: string | null;
  town_code: string | null;
}

/**
 * 并案建议: open clues (awaiting review or accepted, i.e. feeding an open problem) of the same category within the
 * time window, scored by place, time and text. Computed when asked, so a suggestion never goes stale.
 */
export class DuplicateFinder {
  constructor(
    private readonly sql: Sql,
    private readonly rules: DuplicateRules = DEFAULT_DUPLICATE_RULES,
  ) {}

  async suggest(clue: ClueSummary, limit = 5): Promise<DuplicateSuggestion[]> {
    const at = clue.observedAt ?? clue.registeredAt;
    const { rows } = await this.sql.query<CandidateRow>(
      `SELECT clue_id, category, description, location, observed_at, registered_at, status, problem_id, town_code
         FROM intake.clue_view
        WHERE status IN ('received', 'accepted') AND public_stage <> 'closed'
          AND clue_id <> $1 AND (merged_into IS NULL OR merged_into <> $1) AND NOT (clue_id = ANY($2::uuid[]))
          AND (category = $3 OR category = 'other' OR $3 = 'other')
          AND COALESCE(observed_at, registered_at) BETWEEN $4::timestamptz - make_interval(days => $5)
                                                      AND $4::timestamptz + make_interval(days => $5)
        ORDER BY registered_at DESC LIMIT 1000`,
      [clue.clueId, clue.dismissedDuplicates, clue.category.code, at, this.rules.maxDays],
    );
    const candidates = rows.map((r) => ({
      id: r.clue_id,
      category: r.category,
      text: r.description,
      at: (r.observed_at ?? r.registered_at).toISOString(),
      lat: r.location.lat,
      lng: r.location.lng,
      address: r.location.address,
      row: r,
    }));
    const found = suggestDuplicates(
      { id: clue.clueId, category: clue.category.code, text: clue.description, at, lat: clue.location.lat, lng: clue.location.lng, address: clue.location.address },
      candidates,
      this.rules,
      limit,
    );
    return found.map(({ candidate, score, reasons }) => ({
      clueId: candidate.row.clue_id,
      status: candidate.row.status,
      problemId: candidate.row.problem_id,
      description: candidate.row.description,
      category: candidate.row.category,
      townCode: candidate.row.town_code,
      registeredAt: candidate.row.registered_at.toISOString(),
      score: Math.round(score * 1000) / 1000,
      reasons,
    }));
  }
}
