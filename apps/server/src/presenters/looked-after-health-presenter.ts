import type { Oc2Check } from "@family-story/domain";
import { LAC_CHECK_KIND_LABELS, type LacCheck, type LacCheckInput, type LacCheckKind, type Oc2Values } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { LacCheckTable, LacOc2Table } from "../db/looked-after-types.ts";

type LacCheckRow = Selectable<LacCheckTable>;

/** How substance misuse follow-up is stored in `outcome`: received implies offered. */
type Intervention = "received" | "offered" | "none";

/** The columns a check's input sets (kind-specific answers go in sdq_score and outcome). */
export function checkColumns(input: LacCheckInput): { kind: LacCheckKind; check_date: string; sdq_score: number | null; outcome: string | null; notes: string | null } {
  const common = { kind: input.kind, check_date: input.checkDate, notes: input.notes ?? null, sdq_score: null, outcome: null };
  switch (input.kind) {
    case "health_assessment":
    case "dental_check":
    case "conviction":
      return common;
    case "immunisations":
      return { ...common, outcome: input.upToDate ? "up_to_date" : "not_up_to_date" };
    case "sdq":
      return { ...common, sdq_score: input.score ?? null, outcome: input.score === null || input.score === undefined ? (input.reason ?? null) : null };
    case "pep":
      return { ...common, outcome: input.pepType };
    case "substance_misuse": {
      const intervention: Intervention = input.interventionReceived ? "received" : input.interventionOffered ? "offered" : "none";
      return { ...common, outcome: intervention };
    }
  }
}

/** The fields the record history and conflict messages compare. */
export function checkSnapshot(row: LacCheckRow): Record<string, unknown> {
  return { kind: row.kind, checkDate: row.check_date, sdqScore: row.sdq_score, outcome: row.outcome, notes: row.notes };
}

function isKind(kind: string): kind is LacCheckKind {
  return kind in LAC_CHECK_KIND_LABELS;
}

/** A stored check as the API shows it. */
export function presentCheck(row: LacCheckRow, names: Map<string, string>): LacCheck {
  const kind: LacCheckKind = isKind(row.kind) ? row.kind : "health_assessment";
  const substance = kind === "substance_misuse";
  return {
    id: row.id,
    kind,
    kindLabel: LAC_CHECK_KIND_LABELS[kind],
    checkDate: row.check_date,
    score: kind === "sdq" ? row.sdq_score : null,
    reason: kind === "sdq" ? row.outcome : null,
    upToDate: kind === "immunisations" ? row.outcome === "up_to_date" : null,
    pepType: kind === "pep" ? (row.outcome === "initial" ? "initial" : "review") : null,
    interventionReceived: substance ? row.outcome === "received" : null,
    interventionOffered: substance ? row.outcome === "received" || row.outcome === "offered" : null,
    notes: row.notes,
    recordedBy: row.created_by === null ? null : (names.get(row.created_by) ?? null),
    version: row.version,
  };
}

/** A stored check as the OC2 derivation reads it. */
export function toOc2Check(row: LacCheckRow): Oc2Check {
  const p = presentCheck(row, new Map());
  return { kind: p.kind, date: p.checkDate, sdqScore: p.score, sdqReason: p.reason, upToDate: p.upToDate, interventionReceived: p.interventionReceived, interventionOffered: p.interventionOffered };
}

/** An imported OC2 row as the return's values. */
export function presentImportedOc2(row: Selectable<LacOc2Table>): Oc2Values {
  return {
    sdqScore: row.sdq_score,
    sdqReason: row.sdq_reason,
    convicted: row.convicted,
    healthCheck: row.health_check,
    immunisations: row.immunisations,
    teethCheck: row.teeth_check,
    healthAssessment: row.health_assessment,
    substanceMisuse: row.substance_misuse,
    interventionReceived: row.intervention_received,
    interventionOffered: row.intervention_offered,
  };
}
