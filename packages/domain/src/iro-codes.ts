/**
 * The independent reviewing officer's own records: the themes and stages of the dispute
 * resolution protocol and the quality-assurance form completed after every review. The form
 * and the API share these lists, so a question added here appears in both and in the aggregate.
 */
import type { CodedValue } from "./casework-codes.ts";

/** What a dispute is about (the IRO annual report groups challenges by these). */
export const DISPUTE_THEMES = [
  { code: "care_planning", label: "Care planning" },
  { code: "placement", label: "Placement" },
  { code: "contact", label: "Contact with family" },
  { code: "health", label: "Health" },
  { code: "education", label: "Education" },
  { code: "permanence", label: "Permanence" },
  { code: "leaving_care", label: "Leaving care" },
  { code: "drift_delay", label: "Drift or delay" },
  { code: "other", label: "Other" },
] as const satisfies readonly CodedValue[];
export type DisputeTheme = (typeof DISPUTE_THEMES)[number]["code"];
export const DISPUTE_THEME_CODES = Object.freeze(DISPUTE_THEMES.map((t) => t.code)) as unknown as readonly [DisputeTheme, ...DisputeTheme[]];

/**
 * The stages of the dispute resolution protocol, in order. A dispute starts as an informal
 * alert and escalates one stage at a time, each formal stage to a more senior manager.
 */
export const DISPUTE_STAGES = [
  { code: "informal", label: "Informal alert", escalatedTo: "the social worker and their team manager, informally" },
  { code: "formal_1", label: "Formal stage 1", escalatedTo: "the team manager" },
  { code: "formal_2", label: "Formal stage 2", escalatedTo: "the service manager" },
  { code: "formal_3", label: "Formal stage 3", escalatedTo: "the head of service or director" },
] as const satisfies readonly (CodedValue & { escalatedTo: string })[];
export type DisputeStage = (typeof DISPUTE_STAGES)[number]["code"];
export const DISPUTE_STAGE_CODES = Object.freeze(DISPUTE_STAGES.map((s) => s.code)) as unknown as readonly [DisputeStage, ...DisputeStage[]];

/** What came of a stage: resolved and unresolved end the dispute; escalated opens the next stage. */
export const DISPUTE_OUTCOMES = [
  { code: "resolved", label: "Resolved" },
  { code: "escalated", label: "Escalated to the next stage" },
  { code: "unresolved", label: "Closed unresolved" },
] as const satisfies readonly CodedValue[];
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number]["code"];
export const DISPUTE_OUTCOME_CODES = Object.freeze(DISPUTE_OUTCOMES.map((o) => o.code)) as unknown as readonly [DisputeOutcome, ...DisputeOutcome[]];

/** open while a stage is in progress; resolved or unresolved once it has ended. */
export type DisputeStatus = "open" | "resolved" | "unresolved";

/**
 * The quality-assurance form an IRO completes after every review they chair. `key` is what
 * the API and the stored answers use; `text` is the question as the form asks it.
 */
export const QA_QUESTIONS = [
  { key: "child_prepared", text: "Was the child prepared for the review?" },
  { key: "child_views", text: "Were the child’s views sought and recorded?" },
  { key: "report_shared", text: "Was the social worker’s report shared 3 working days before the review?" },
  { key: "care_plan_quality", text: "Is the care plan of good quality?" },
  { key: "placement_meets_needs", text: "Is the placement meeting the child’s needs?" },
  { key: "permanence_planned", text: "Is permanence planned?" },
  { key: "sw_relationship", text: "Is the relationship between the child and their social worker a good one?" },
  { key: "decisions_progressed", text: "Were the last review’s decisions carried out?" },
] as const satisfies readonly { key: string; text: string }[];
export type QaQuestionKey = (typeof QA_QUESTIONS)[number]["key"];
export const QA_QUESTION_KEYS = Object.freeze(QA_QUESTIONS.map((q) => q.key)) as unknown as readonly [QaQuestionKey, ...QaQuestionKey[]];

/** The answers every question takes, in the order forms and charts show them. */
export const QA_ANSWERS = [
  { code: "yes", label: "Yes" },
  { code: "partly", label: "Partly" },
  { code: "no", label: "No" },
  { code: "not_applicable", label: "Not applicable" },
] as const satisfies readonly CodedValue[];
export type QaAnswer = (typeof QA_ANSWERS)[number]["code"];
export const QA_ANSWER_CODES = Object.freeze(QA_ANSWERS.map((a) => a.code)) as unknown as readonly [QaAnswer, ...QaAnswer[]];
