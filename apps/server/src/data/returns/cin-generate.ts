/**
 * Builds the CIN census of a year (1 April to 31 March) from the social care record: every child
 * in need at some time in the year, one CINdetails module per referral open in it (referred by
 * the year's end and not closed before its start), with the assessments, CIN plans, section 47
 * enquiries and child protection plans of that referral that were open in the year, and the
 * plans' review conferences held in it. The census is as at 31 March: a later end date is left
 * out. One set-based query per module, keyed by la_code and limited to the year's referrals.
 */
import { addWorkingDays } from "@family-story/domain";
import type { CinChildOut, CinCensus, CinDetailsOut } from "@family-story/returns";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import type { YearSpan } from "./ssda903-queries.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The census and which person each LAchildID is. */
export interface CinGenerated {
  readonly census: CinCensus;
  readonly personOf: ReadonlyMap<string, string>;
}

/** Working days from the strategy discussion to the initial conference (the census's InitialCPCtarget). */
const ICPC_WORKING_DAYS = 15;

const sexCode = (sex: string): string => (sex === "male" ? "M" : sex === "female" ? "F" : "U");
/** A date as at 31 March: left out when it falls after the year. */
const by = (iso: string | null, to: string): string | null => (iso === null || iso > to ? null : iso);
const open = (start: string, end: string | null, span: YearSpan): boolean => start <= span.to && (end === null || end >= span.from);

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list === undefined) out.set(key(row), [row]);
    else list.push(row);
  }
  return out;
}

/** Builds the census of the year for the authority. `header` gives the Source fields. */
export async function generateCinCensus(db: Db, laCode: string, span: YearSpan, header: { lea: string; dateTime: string; release: string }): Promise<CinGenerated> {
  const referrals = await db
    .selectFrom("cin_referral")
    .selectAll()
    .where("la_code", "=", laCode)
    .where("referral_date", "<=", span.to)
    .where((eb) => eb.or([eb("closure_date", "is", null), eb("closure_date", ">=", span.from)]))
    .orderBy("referral_date")
    .execute();
  const ofCases = anyUuid(referrals.map((r) => r.case_id));
  const ofPeople = anyUuid([...new Set(referrals.map((r) => r.person_id))]);
  const [people, assessments, plans, s47s, cpPlans, conferences] = await Promise.all([
    db.selectFrom("person").select(["id", "la_child_id", "upn", "former_upn", "dob", "expected_dob", "sex", "deceased_date", "ethnicity", "disability"]).where("la_code", "=", laCode).where("id", "=", ofPeople).execute(),
    db.selectFrom("cin_assessment").selectAll().where("la_code", "=", laCode).where("case_id", "=", ofCases).orderBy("start_date").execute(),
    db.selectFrom("cin_plan").selectAll().where("la_code", "=", laCode).where("case_id", "=", ofCases).orderBy("start_date").execute(),
    db
      .selectFrom("s47_enquiry as s")
      .innerJoin("strategy_discussion as d", (j) => j.onRef("d.la_code", "=", "s.la_code").onRef("d.id", "=", "s.strategy_discussion_id"))
      .select(["s.id", "s.case_id", "s.start_date", "s.outcome", "s.outcome_date", "d.discussion_date"])
      .where("s.la_code", "=", laCode)
      .where("s.case_id", "=", ofCases)
      .orderBy("s.start_date")
      .execute(),
    // Every plan of these children, for NumberOfPreviousCPP; only the year's are returned.
    db.selectFrom("cp_plan").selectAll().where("la_code", "=", laCode).where("person_id", "=", ofPeople).orderBy("start_date").execute(),
    db.selectFrom("cp_conference").select(["case_id", "kind", "s47_id", "cp_plan_id", "conference_date"]).where("la_code", "=", laCode).where("case_id", "=", ofCases).orderBy("conference_date").execute(),
  ]);

  const assessmentsOf = groupBy(assessments, (a) => a.case_id);
  const plansOf = groupBy(plans, (p) => p.case_id);
  const s47sOf = groupBy(s47s, (s) => s.case_id);
  const cppOf = groupBy(cpPlans, (p) => p.case_id);
  const cppOfPerson = groupBy(cpPlans, (p) => p.person_id);
  const initialOf = new Map<string, string>();
  const initialOfCase = new Map<string, string>();
  const reviewsOf = new Map<string, string[]>();
  for (const c of conferences) {
    if (c.conference_date > span.to) continue;
    if (c.kind === "initial") {
      if (c.s47_id !== null && !initialOf.has(c.s47_id)) initialOf.set(c.s47_id, c.conference_date);
      if (!initialOfCase.has(c.case_id)) initialOfCase.set(c.case_id, c.conference_date);
    } else if (c.cp_plan_id !== null && c.conference_date >= span.from) {
      const list = reviewsOf.get(c.cp_plan_id);
      if (list === undefined) reviewsOf.set(c.cp_plan_id, [c.conference_date]);
      else list.push(c.conference_date);
    }
  }

  const episode = (r: (typeof referrals)[number]): CinDetailsOut => {
    const closed = by(r.closure_date, span.to);
    return {
      referralDate: r.referral_date,
      referralSource: r.referral_source,
      primaryNeed: r.primary_need,
      closureDate: closed,
      reasonForClosure: closed === null ? null : r.closure_reason,
      dateOfInitialCpc: initialOfCase.get(r.case_id) ?? null,
      referralNfa: r.nfa,
      assessments: (assessmentsOf.get(r.case_id) ?? [])
        .filter((a) => open(a.start_date, a.authorised_date, span))
        .map((a) => ({ startDate: a.start_date, internalReviewDate: null, authorisationDate: by(a.authorised_date, span.to), factors: by(a.completed_date, span.to) === null ? [] : a.factors })),
      cinPlans: (plansOf.get(r.case_id) ?? []).filter((p) => open(p.start_date, p.end_date, span)).map((p) => ({ startDate: p.start_date, endDate: by(p.end_date, span.to) })),
      section47s: (s47sOf.get(r.case_id) ?? [])
        .filter((s) => open(s.start_date, initialOf.get(s.id) ?? (s.outcome !== null && s.outcome !== "icpc" ? s.outcome_date : null), span))
        .map((s) => {
          const decided = by(s.outcome_date, span.to) !== null ? s.outcome : null;
          return { startDate: s.start_date, initialCpcTarget: addWorkingDays(s.discussion_date, ICPC_WORKING_DAYS), dateOfInitialCpc: initialOf.get(s.id) ?? null, icpcNotRequired: decided !== null && decided !== "icpc" };
        }),
      cpPlans: (cppOf.get(r.case_id) ?? [])
        .filter((p) => open(p.start_date, p.end_date, span))
        .map((p) => ({
          startDate: p.start_date,
          endDate: by(p.end_date, span.to),
          initialCategory: p.initial_category,
          latestCategory: p.latest_category,
          numberOfPreviousCpp: (cppOfPerson.get(p.person_id) ?? []).filter((q) => q.start_date < p.start_date).length,
          reviewDates: reviewsOf.get(p.id) ?? [],
        })),
    };
  };

  const referralsOf = groupBy(referrals, (r) => r.person_id);
  const personOf = new Map<string, string>();
  const children: CinChildOut[] = people
    .map((p) => {
      const laChildId = p.la_child_id?.trim() || p.id;
      personOf.set(laChildId, p.id);
      return {
        laChildId,
        upn: p.upn,
        formerUpn: p.former_upn,
        upnUnknown: null,
        birthDate: p.dob,
        expectedBirthDate: p.dob === null ? p.expected_dob : null,
        sex: sexCode(p.sex),
        deathDate: by(p.deceased_date, span.to),
        ethnicity: p.ethnicity,
        // The record holds whether a child is disabled, not the census codes: NONE when not, nothing when it is or is not known.
        disabilities: p.disability === false ? ["NONE"] : [],
        episodes: (referralsOf.get(p.id) ?? []).map(episode),
      };
    })
    .sort((a, b) => (a.laChildId < b.laChildId ? -1 : a.laChildId > b.laChildId ? 1 : 0));

  return {
    census: {
      header: { year: String(span.year + 1), referenceDate: span.to, lea: header.lea, softwareCode: "Family Story", release: header.release, serialNo: "1", dateTime: header.dateTime },
      children,
    },
    personOf,
  };
}
