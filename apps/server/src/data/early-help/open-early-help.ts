import { addCalendarDays } from "@family-story/domain";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { insertCase } from "../casework/case-repository.ts";
import { upsertWorkItem } from "../casework/work-items.ts";

/** Practice guide: the whole-family assessment is completed within six weeks of the episode opening. */
export const EH_ASSESSMENT_WEEKS = 6;

/** What the front door (a decision) or social care (a step down) states to open an early help episode. */
export interface OpenEarlyHelpInput {
  laCode: string;
  /** The children the family was referred for; the first is the case's subject. */
  childIds: string[];
  /** The rest of the family (parents, carers, siblings…) with their role on the case. */
  familyMembers: { personId: string; role: string }[];
  openedOn: string;
  contactId: string | null;
  thresholdLevel: number | null;
  teamId: string | null;
  localityId: string | null;
  allocatedTo: string | null;
  /** The case this stepped down (or across) from, so the family keeps one history. */
  previousCaseId?: string | null;
  title?: string;
}

/**
 * Opens an early help episode for a family inside the caller's transaction: the case with the
 * children and family as members, the assessment's due date on the work tray, and an
 * "early help started" event in each child's chronology. The caller audits the event that
 * opened it (a front-door decision, a step down).
 */
export async function openEarlyHelpCase(trx: Transaction<Database>, actor: Actor, input: OpenEarlyHelpInput): Promise<CaseRow> {
  const [subjectId] = input.childIds;
  if (subjectId === undefined) {
    throw new HttpProblem(422, "No child named", "An early help episode needs at least one child.", { errors: [{ field: "childIds", message: "Name at least one child" }] });
  }
  const subject = await trx.selectFrom("person").select(["family_name"]).where("la_code", "=", input.laCode).where("id", "=", subjectId).executeTakeFirst();
  if (!subject) throw new HttpProblem(422, "Unknown child", "The child is not recorded in this authority.", { errors: [{ field: "childIds", message: "Not a person in this authority" }] });
  const members = [
    ...input.childIds.map((personId) => ({ personId, role: "child" })),
    ...input.familyMembers.filter((m) => !input.childIds.includes(m.personId)),
  ];
  const row = await insertCase(trx, actor, {
    laCode: input.laCode,
    kind: "early_help",
    subjectPersonId: subjectId,
    title: input.title ?? `The ${subject.family_name} family`,
    openedOn: input.openedOn,
    thresholdLevel: input.thresholdLevel,
    allocatedTo: input.allocatedTo,
    teamId: input.teamId,
    localityId: input.localityId,
    contactId: input.contactId,
    previousCaseId: input.previousCaseId ?? null,
    members,
  });
  await upsertWorkItem(trx, actor.userId, {
    laCode: input.laCode,
    kind: "eh_assessment_due",
    sourceEntity: "early_help_case",
    sourceId: row.id,
    caseId: row.id,
    personId: subjectId,
    title: `Early help assessment: ${row.title}`,
    dueDate: addCalendarDays(input.openedOn, EH_ASSESSMENT_WEEKS * 7),
    assignedTo: input.allocatedTo,
    teamId: input.teamId,
  });
  for (const childId of input.childIds) {
    await recordCaseEvent(trx, actor.userId, {
      laCode: input.laCode,
      personId: childId,
      caseId: row.id,
      occurredOn: input.openedOn,
      kind: "early_help_start",
      service: "early_help",
      title: input.previousCaseId ? "Stepped down to early help" : "Early help started",
      summary: row.title,
      sourceEntity: "casework_case",
      sourceId: row.id,
    });
  }
  return row;
}
