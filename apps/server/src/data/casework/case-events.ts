import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

/** A key event in a child's story, as a module records it for the chronology. */
export interface CaseEvent {
  laCode: string;
  personId: string;
  caseId: string | null;
  occurredOn: string;
  /** e.g. contact, referral, assessment_authorised, strategy_discussion, s47, icpc, cp_plan_start, step_up, closure */
  kind: string;
  service: "front_door" | "early_help" | "social_care" | "looked_after";
  title: string;
  summary?: string | null;
  sourceEntity: string;
  sourceId: string;
}

/**
 * Records (or, when its source's date is corrected, moves) a key event, inside the transaction
 * that records the event itself. One row per person, kind and source.
 */
export async function recordCaseEvent(trx: Transaction<Database>, recordedBy: string | null, event: CaseEvent): Promise<void> {
  await trx
    .insertInto("case_event")
    .values({
      la_code: event.laCode,
      id: randomUUID(),
      person_id: event.personId,
      case_id: event.caseId,
      occurred_on: event.occurredOn,
      kind: event.kind,
      service: event.service,
      title: event.title,
      summary: event.summary ?? null,
      source_entity: event.sourceEntity,
      source_id: event.sourceId,
      recorded_by: recordedBy,
    })
    .onConflict((oc) =>
      oc.columns(["la_code", "person_id", "kind", "source_entity", "source_id"]).doUpdateSet((eb) => ({
        occurred_on: eb.ref("excluded.occurred_on"),
        title: eb.ref("excluded.title"),
        summary: eb.ref("excluded.summary"),
        case_id: eb.ref("excluded.case_id"),
      })),
    )
    .execute();
}
