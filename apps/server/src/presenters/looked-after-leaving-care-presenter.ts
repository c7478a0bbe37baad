import { isCareLeaverAccommodation, isSuitableAccommodation, type CareLeaverBirthday } from "@family-story/domain";
import type { CareLeaverRecord, LacDue, Oc3Input, PathwayPlanInput } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { LacOc3Table, LacPathwayPlanTable } from "../db/looked-after-types.ts";

type Oc3Row = Selectable<LacOc3Table>;
type PlanRow = Selectable<LacPathwayPlanTable>;
type Oc3Out = CareLeaverRecord["birthdays"][number]["oc3"];

export function oc3Columns(input: Oc3Input) {
  return { in_touch: input.inTouch, activ: input.activity ?? null, accom: input.accommodation ?? null, recorded_on: input.recordedOn };
}
export function oc3Snapshot(row: Oc3Row): Record<string, unknown> {
  return { year: row.year, inTouch: row.in_touch, activity: row.activ, accommodation: row.accom, recordedOn: row.recorded_on };
}
export function pathwayPlanColumns(input: PathwayPlanInput, nextReviewDue: string) {
  return { plan_date: input.planDate, next_review_due: nextReviewDue, personal_adviser: input.personalAdviser ?? null, summary: input.summary ?? null };
}
export function pathwayPlanSnapshot(row: PlanRow): Record<string, unknown> {
  return { planDate: row.plan_date, nextReviewDue: row.next_review_due, personalAdviser: row.personal_adviser, summary: row.summary };
}

/** An OC3 row as the API shows it; suitability read from the accommodation code's digit. */
export function presentOc3(row: Oc3Row): NonNullable<Oc3Out> {
  const accom = row.accom;
  return { year: row.year, inTouch: row.in_touch, activity: row.activ, accommodation: accom, suitable: accom !== null && isCareLeaverAccommodation(accom) ? isSuitableAccommodation(accom) : null, recordedOn: row.recorded_on, source: row.source, version: row.version };
}

export interface LeavingCareRows {
  personId: string;
  childName: string;
  dob: string | null;
  careLeaver: boolean;
  birthdays: CareLeaverBirthday[];
  oc3: Oc3Row[];
  plans: PlanRow[];
  nextContact: LacDue | null;
  nextPlanReview: LacDue | null;
  canWrite: boolean;
}

/** A care leaver's record as the API shows it. */
export function presentCareLeaver(r: LeavingCareRows): CareLeaverRecord {
  const byYear = new Map(r.oc3.map((o) => [o.year, o]));
  const birthdayYears = new Set(r.birthdays.map((b) => b.year));
  return {
    personId: r.personId,
    childName: r.childName,
    dob: r.dob,
    careLeaver: r.careLeaver,
    birthdays: r.birthdays.map((b) => {
      const row = byYear.get(b.year);
      return { age: b.window.age, birthday: b.window.birthday, windowFrom: b.window.from, windowTo: b.window.to, year: b.year, required: b.required, why: b.why, oc3: row ? presentOc3(row) : null };
    }),
    otherOc3: r.oc3.filter((o) => !birthdayYears.has(o.year)).map(presentOc3),
    nextContact: r.nextContact,
    pathwayPlans: r.plans.map((p) => ({ id: p.id, planDate: p.plan_date, nextReviewDue: p.next_review_due, personalAdviser: p.personal_adviser, summary: p.summary, version: p.version })),
    nextPlanReview: r.nextPlanReview,
    canWrite: r.canWrite,
  };
}
