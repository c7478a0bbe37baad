/**
 * The shapes of the outcomes framework: a measure's definition, the records of one child that
 * computed measures are worked out from, and the facts they produce. Pure data: the server loads
 * SubjectRecords, the fact functions here turn them into MeasureFacts, and the server keeps the
 * facts and their monthly sums (docs/architecture.md, "Measures").
 */

/** The frameworks a measure can belong to; a measure may sit in more than one. */
export const MEASURE_FRAMEWORKS = ["cypp", "early-help", "supporting-families", "performance"] as const;
export type MeasureFramework = (typeof MEASURE_FRAMEWORKS)[number];

/** How a value reads: a percentage (0–100), a count, a rate per 10,000 children, a mean score or days. */
export const MEASURE_UNITS = ["percent", "count", "rate", "score", "days"] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** Which way is good: up (higher is better), down (lower is better), none (context only, no RAG). */
export const MEASURE_DIRECTIONS = ["up", "down", "none"] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

/**
 * computed: worked out from the records. external: entered or imported (school Ofsted grades,
 * attainment, public health figures), with its source and date.
 */
export const MEASURE_SOURCES = ["computed", "external"] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

/**
 * flow: events in a period (numerator and denominator add up over months).
 * stock: a state on a day (the value at the last day of the period's last month).
 */
export const MEASURE_KINDS = ["flow", "stock"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Where a measure sits: a framework and the outcome or priority key within it (see catalogue). */
export interface MeasurePlacement {
  framework: MeasureFramework;
  /** An outcome (cypp), a priority (early-help), an outcome (supporting-families) or a theme (performance). */
  group: string;
}

/** A place written as "framework:group", e.g. "performance:front-door", as the catalogues list them. */
export type MeasurePlacementKey = `${MeasureFramework}:${string}`;

/** The placements a catalogue entry lists as "framework:group" keys. */
export function placementsFrom(keys: readonly MeasurePlacementKey[]): MeasurePlacement[] {
  return keys.map((key) => {
    const at = key.indexOf(":");
    return { framework: key.slice(0, at) as MeasureFramework, group: key.slice(at + 1) };
  });
}

/** One measure as the catalogue defines it; docs/measures.md gives the full definition. */
export interface MeasureDefinition {
  /** kebab-case, stable: used in URLs and imports. */
  id: string;
  title: string;
  /** One or two plain sentences: who is counted and when. */
  description: string;
  /** What the numerator counts (null for a count or an external value given without one). */
  numerator: string | null;
  /** What the denominator counts (null when the value is a count). */
  denominator: string | null;
  unit: MeasureUnit;
  direction: MeasureDirection;
  source: MeasureSource;
  /** Only for computed measures. */
  kind: MeasureKind | null;
  placements: readonly MeasurePlacement[];
  /** For external measures: where the figure usually comes from (DfE, Ofsted, public health …). */
  dataSource: string | null;
}

/** A date as YYYY-MM-DD and a month as YYYY-MM, both plain strings (no time zone). */
export type IsoDate = string;
export type IsoMonth = string;

/**
 * The months facts are worked out for: firstMonth to lastMonth inclusive (lastMonth is the
 * current month). Facts depend on the records and the window only, never on the clock: a stock
 * measure is read at each month's last day, the current month's as the records stand now, and a
 * flow measure counts events that have happened (an assessment once completed, a review once held).
 */
export interface FactWindow {
  firstMonth: IsoMonth;
  lastMonth: IsoMonth;
}

/**
 * One child's contribution to one measure in one month (and team). Facts of the same
 * (measure, month, team) for a child are summed. A stock measure gives one fact per month end
 * the child is in its denominator; a flow measure one per event in the month it happened.
 */
export interface MeasureFact {
  measureId: string;
  month: IsoMonth;
  numerator: number;
  denominator: number;
  /** The team of the case the event belongs to, or null. */
  teamId: string | null;
}

export interface SubjectCase {
  id: string;
  /** casework_case.kind: early_help, cin, cp, lac, care_leaver … */
  kind: string;
  teamId: string | null;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  closureReason: string | null;
}

export interface SubjectReferral {
  caseId: string;
  referralDate: IsoDate;
  primaryNeed: string | null;
  nfa: boolean;
  closureDate: IsoDate | null;
}

export interface SubjectAssessment {
  caseId: string;
  startDate: IsoDate;
  completedDate: IsoDate | null;
  primaryNeed: string | null;
}

export interface SubjectStrategyDiscussion {
  id: string;
  caseId: string;
  discussionDate: IsoDate;
}

export interface SubjectS47 {
  id: string;
  caseId: string;
  strategyDiscussionId: string | null;
  startDate: IsoDate;
  outcome: string | null;
  outcomeDate: IsoDate | null;
}

export interface SubjectConference {
  caseId: string;
  /** initial, review, transfer-in … as cp_conference.kind */
  kind: string;
  s47Id: string | null;
  conferenceDate: IsoDate;
  outcome: string | null;
}

export interface SubjectEpisode {
  caseId: string | null;
  decom: IsoDate;
  rne: string | null;
  ls: string | null;
  cin: string | null;
  place: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  /**
   * What makes a placement the same one after a temporary move (PLACE_PROVIDER, placement
   * postcode, URN and carer: lac_episode.place_provider, pl_post, urn, provider_id), as the
   * placement stability report reads it. Optional: left out, only PLACE is compared.
   */
  placeProvider?: string | null;
  plPost?: string | null;
  urn?: string | null;
  providerId?: string | null;
}

export interface SubjectLacReview {
  /** lac_review.case_id, for the review's team (optional: else the episode's case that day). */
  caseId?: string | null;
  status: string;
  plannedDate: IsoDate | null;
  reviewDate: IsoDate | null;
}

export interface SubjectMissing {
  missingType: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  rhiOfferedOn: IsoDate | null;
  rhiAccepted: boolean | null;
}

export interface SubjectCheck {
  /** health_assessment, dental_check, immunisations, sdq, pep, substance_misuse, conviction */
  kind: string;
  checkDate: IsoDate;
  sdqScore: number | null;
  outcome: string | null;
}

export interface SubjectOc3 {
  /** The collection year by its start (2024 is 2024/25). */
  year: number;
  inTouch: string | null;
  activ: string | null;
  accom: string | null;
  recordedOn: IsoDate | null;
}

export interface SubjectEarlyHelpGoal {
  /** One of the ten Supporting Families outcomes (eh_goal.outcome). */
  outcome: string;
  /** eh_goal.status: open, met, partly_met, not_met … */
  status: string;
}

/** An early help episode (a casework_case of kind early_help) and its plan, led by this child. */
export interface SubjectEarlyHelp {
  caseId: string;
  teamId: string | null;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  goals: readonly SubjectEarlyHelpGoal[];
  /** The approved closure, when there is one (eh_closure with status approved). */
  closure: { closedOn: IsoDate; reason: string; goalOutcomes: Readonly<Record<string, string>> } | null;
}

/**
 * Everything a computed measure may read about one child (the subject), loaded in one go by the
 * server. Lists are in date order. A record belongs to the child's authority only.
 */
export interface SubjectRecords {
  personId: string;
  laCode: string;
  dob: IsoDate | null;
  sex: string | null;
  uasc: boolean;
  /** Every case of the child's (subject or member), for teams and case kinds. */
  cases: readonly SubjectCase[];
  referrals: readonly SubjectReferral[];
  assessments: readonly SubjectAssessment[];
  strategyDiscussions: readonly SubjectStrategyDiscussion[];
  s47s: readonly SubjectS47[];
  conferences: readonly SubjectConference[];
  /** CP plans: start and end. */
  cpPlans: readonly { caseId: string; startDate: IsoDate; endDate: IsoDate | null; category: string | null }[];
  /** CIN plans: start and end. */
  cinPlans: readonly { caseId: string; startDate: IsoDate; endDate: IsoDate | null }[];
  episodes: readonly SubjectEpisode[];
  lacReviews: readonly SubjectLacReview[];
  missing: readonly SubjectMissing[];
  checks: readonly SubjectCheck[];
  oc3: readonly SubjectOc3[];
  earlyHelp: readonly SubjectEarlyHelp[];
  /** Contacts about the child that reached the front door (date received and decision). */
  contacts: readonly { receivedOn: IsoDate; decision: string | null; decidedOn: IsoDate | null; repeatReferral: boolean; /** The front door team that decided it (contact.team_id). */ teamId?: string | null }[];
}

/** Works out one child's facts for the measures a module covers, for the months of the window. */
export type FactFunction = (records: SubjectRecords, window: FactWindow) => MeasureFact[];
