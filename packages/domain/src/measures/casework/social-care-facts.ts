/**
 * Children in need and child protection facts: assessments within 45 working days, initial
 * conferences within 15 working days of the strategy discussion, children in need for family
 * acute stress or dysfunction, and children supported at home (docs/measures.md).
 */
import { assessmentDue, icpcDue } from "../../timescales.ts";
import type { FactWindow, IsoDate, MeasureFact, SubjectAssessment, SubjectConference, SubjectRecords } from "../measure-types.ts";
import { ASSESSMENTS_45_DAYS, CHILDREN_SUPPORTED_AT_HOME, CIN_ACUTE_STRESS_DYSFUNCTION, ICPC_15_DAYS } from "./casework-ids.ts";
import { eventFact, inWindow, memoDue, monthEnd, monthOf, nextMonth, teamOfCase } from "./fact-helpers.ts";

const assessmentDueDate = memoDue(assessmentDue);
const icpcDueDate = memoDue(icpcDue);

/** Primary needs that mean the child was assessed as in need with a need stated (not N0, not N9). */
const IN_NEED = new Set(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]);
/** Family in acute stress (N4) and family dysfunction (N5). */
const ACUTE_STRESS_OR_DYSFUNCTION = new Set(["N4", "N5"]);
/** Legal statuses of short breaks: the child lives at home (as the DfE, not counted as looked after). */
const SHORT_BREAKS = new Set(["V3", "V4"]);

/**
 * When an assessment's 45 working days start: the case's referral date for the first assessment
 * of the case (Working Together: "from the point of referral"; the work tray's due date), and the
 * assessment's own start for a later one on the same case, or for a case with no referral.
 */
function assessmentClockStart(records: SubjectRecords, assessment: SubjectAssessment): IsoDate {
  for (const other of records.assessments) {
    if (other.caseId === assessment.caseId && other.startDate < assessment.startDate) return assessment.startDate;
  }
  for (const referral of records.referrals) if (referral.caseId === assessment.caseId) return referral.referralDate;
  return assessment.startDate;
}

/**
 * assessments-45-days and cin-acute-stress-dysfunction, per completed assessment in the month it
 * was completed. On time: completed on or before the 45th working day after the clock starts.
 * Acute stress or dysfunction: of assessments whose primary need (else the referral's) is N1–N8,
 * those with N4 or N5.
 */
export function assessmentFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const facts: MeasureFact[] = [];
  for (const assessment of records.assessments) {
    const completed = assessment.completedDate;
    if (completed === null) continue;
    const month = monthOf(completed);
    if (!inWindow(month, window)) continue;
    const team = teamOfCase(records, assessment.caseId);
    facts.push(eventFact(ASSESSMENTS_45_DAYS, month, completed <= assessmentDueDate(assessmentClockStart(records, assessment)), team));
    const need = assessment.primaryNeed ?? records.referrals.find((r) => r.caseId === assessment.caseId)?.primaryNeed ?? null;
    if (need !== null && IN_NEED.has(need)) facts.push(eventFact(CIN_ACUTE_STRESS_DYSFUNCTION, month, ACUTE_STRESS_OR_DYSFUNCTION.has(need), team));
  }
  return facts;
}

/**
 * The strategy discussion an initial conference is timed from: the one that started its
 * section 47 enquiry (the CIN census times the conference from it); failing that link, the
 * latest strategy discussion on the same case on or before the conference. Null: not timed.
 */
function conferenceClockStart(records: SubjectRecords, conference: SubjectConference): IsoDate | null {
  const s47 = conference.s47Id === null ? undefined : records.s47s.find((s) => s.id === conference.s47Id);
  const sdId = s47?.strategyDiscussionId ?? null;
  const linked = sdId === null ? undefined : records.strategyDiscussions.find((d) => d.id === sdId);
  if (linked !== undefined) return linked.discussionDate;
  let latest: IsoDate | null = null;
  for (const d of records.strategyDiscussions) {
    if (d.caseId === conference.caseId && d.discussionDate <= conference.conferenceDate && (latest === null || d.discussionDate > latest)) latest = d.discussionDate;
  }
  return latest;
}

/**
 * icpc-15-days: per initial child protection conference, in the month it was held; on time when
 * held on or before the 15th working day after its strategy discussion. A conference with no
 * strategy discussion on record is not timed, so not counted.
 */
export function conferenceFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const facts: MeasureFact[] = [];
  for (const conference of records.conferences) {
    if (conference.kind !== "initial") continue;
    const month = monthOf(conference.conferenceDate);
    if (!inWindow(month, window)) continue;
    const start = conferenceClockStart(records, conference);
    if (start === null) continue;
    facts.push(eventFact(ICPC_15_DAYS, month, conference.conferenceDate <= icpcDueDate(start), teamOfCase(records, conference.caseId)));
  }
  return facts;
}

type Plan = { caseId: string; startDate: IsoDate; endDate: IsoDate | null };

/** The plan open on `day` (started on or before it, not ended by it), if any. */
function openOn(plans: readonly Plan[], day: IsoDate): Plan | undefined {
  for (const p of plans) if (p.startDate <= day && (p.endDate === null || day < p.endDate)) return p;
  return undefined;
}

/** Looked after on `day`, short breaks aside: the rule of docs/measures.md's "Conventions". */
function lookedAfterOn(records: SubjectRecords, day: IsoDate): boolean {
  for (const e of records.episodes) {
    if (e.decom <= day && (e.dec === null || day < e.dec) && (e.ls === null || !SHORT_BREAKS.has(e.ls))) return true;
  }
  return false;
}

/**
 * children-supported-at-home (stock): at each month end, 1 when the child is on a child
 * protection or child in need plan that day and not looked after (short breaks aside). The team
 * is the plan's case's (the CP plan's when both are open).
 */
export function supportedAtHomeFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const cp = records.cpPlans;
  const cin = records.cinPlans;
  if (cp.length === 0 && cin.length === 0) return [];
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  let open = false;
  for (const p of [...cp, ...cin]) {
    if (first === null || p.startDate < first) first = p.startDate;
    if (p.endDate === null) open = true;
    else if (last === null || p.endDate > last) last = p.endDate;
  }
  const from = first !== null && monthOf(first) > window.firstMonth ? monthOf(first) : window.firstMonth;
  const to = open || last === null || monthOf(last) > window.lastMonth ? window.lastMonth : monthOf(last);
  const facts: MeasureFact[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) {
    const day = monthEnd(month);
    const plan = openOn(cp, day) ?? openOn(cin, day);
    if (plan === undefined || lookedAfterOn(records, day)) continue;
    facts.push(eventFact(CHILDREN_SUPPORTED_AT_HOME, month, true, teamOfCase(records, plan.caseId)));
  }
  return facts;
}
