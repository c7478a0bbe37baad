import { CIN_CLOSURE_REASONS, CP_CATEGORIES, PRIMARY_NEEDS, S47_OUTCOMES } from "@family-story/domain";
import {
  assessmentAuthoriseSchema,
  assessmentCompleteSchema,
  assessmentStartSchema,
  cinPlanReviewSchema,
  cinPlanStartSchema,
  conferenceCreateSchema,
  planEndSchema,
  s47OutcomeSchema,
  s47StartSchema,
  socialCareClosureSchema,
  strategyDiscussionCreateSchema,
  type SocialCareRecord,
} from "@family-story/schemas";
import type { z } from "zod";

/** One field of a step's form. */
export type StepField =
  | { kind: "date"; name: string; label: string }
  | { kind: "text"; name: string; label: string; hint?: string }
  | { kind: "radios"; name: string; label: string; options: readonly { value: string; label: string }[] }
  | { kind: "select"; name: string; label: string; options: readonly { value: string; label: string }[] }
  | { kind: "factors"; name: "factors"; label: string }
  | { kind: "checkbox"; name: string; label: string };

/** The values a step form holds. */
export interface StepValues {
  text: Record<string, string>;
  factors: string[];
  flags: Record<string, boolean>;
}

/** A step: its page, fields, and how its values become the API request. */
export interface StepConfig {
  title: string;
  action: string;
  fields: StepField[];
  schema: z.ZodType;
  button: string;
  /** The request path (under the record) and body, or null when the record does not allow it. */
  request: (v: StepValues, r: SocialCareRecord) => { path: string; body: Record<string, unknown> } | null;
}

const opts = (list: readonly { code: string; label: string }[]) => list.map((e) => ({ value: e.code, label: e.label }));
const blank = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s);
const openAssessment = (r: SocialCareRecord) => r.assessments.find((a) => a.completedDate === null);

/** Every step form, by its URL segment under /cases/:id/social-care/. */
export const STEPS: Record<string, StepConfig> = {
  assessment: {
    title: "Start a child and family assessment",
    action: "start_assessment",
    button: "Start assessment",
    fields: [{ kind: "date", name: "startDate", label: "Date the assessment started" }],
    schema: assessmentStartSchema,
    request: (v) => ({ path: "/assessments", body: { startDate: v.text.startDate } }),
  },
  "assessment-completion": {
    title: "Complete the assessment",
    action: "complete_assessment",
    button: "Complete assessment",
    fields: [
      { kind: "date", name: "completedDate", label: "Date the assessment was completed" },
      { kind: "factors", name: "factors", label: "Factors identified at the end of assessment" },
      { kind: "select", name: "primaryNeed", label: "Primary need", options: [{ value: "", label: "Choose the primary need" }, ...opts(PRIMARY_NEEDS)] },
      { kind: "text", name: "summary", label: "Summary (optional)" },
    ],
    schema: assessmentCompleteSchema,
    request: (v, r) => {
      const a = openAssessment(r);
      return a ? { path: `/assessments/${a.id}/completion`, body: { completedDate: v.text.completedDate, factors: v.factors, primaryNeed: v.text.primaryNeed, summary: blank(v.text.summary) ?? null } } : null;
    },
  },
  authorisation: {
    title: "Authorise the assessment",
    action: "authorise_assessment",
    button: "Authorise",
    fields: [{ kind: "date", name: "authorisedDate", label: "Date authorised" }],
    schema: assessmentAuthoriseSchema,
    request: (v, r) => {
      const a = r.assessments.find((x) => x.authorisationRequestedOn !== null && x.authorisedDate === null);
      return a ? { path: `/assessments/${a.id}/authorisation`, body: { authorisedDate: v.text.authorisedDate } } : null;
    },
  },
  "strategy-discussion": {
    title: "Record a strategy discussion",
    action: "strategy_discussion",
    button: "Save strategy discussion",
    fields: [
      { kind: "date", name: "discussionDate", label: "Date of the strategy discussion" },
      { kind: "text", name: "attendees", label: "Who took part", hint: "For example, police, health, school" },
      { kind: "radios", name: "decision", label: "Decision", options: [{ value: "s47", label: "Start a section 47 enquiry" }, { value: "no_s47", label: "No section 47 enquiry" }] },
      { kind: "text", name: "notes", label: "Notes (optional)" },
    ],
    schema: strategyDiscussionCreateSchema,
    request: (v) => ({ path: "/strategy-discussions", body: { discussionDate: v.text.discussionDate, attendees: v.text.attendees, decision: v.text.decision, notes: blank(v.text.notes) ?? null } }),
  },
  s47: {
    title: "Start the section 47 enquiry",
    action: "start_s47",
    button: "Start enquiry",
    fields: [{ kind: "date", name: "startDate", label: "Date the enquiry started" }],
    schema: s47StartSchema,
    request: (v, r) => {
      const sd = r.strategyDiscussions.find((d) => d.decision === "s47" && !r.s47s.some((s) => s.strategyDiscussionId === d.id));
      return sd ? { path: "/s47-enquiries", body: { strategyDiscussionId: sd.id, startDate: v.text.startDate } } : null;
    },
  },
  "s47-outcome": {
    title: "Record the enquiry’s outcome",
    action: "s47_outcome",
    button: "Save outcome",
    fields: [
      { kind: "radios", name: "outcome", label: "Outcome", options: opts(S47_OUTCOMES) },
      { kind: "date", name: "outcomeDate", label: "Date of the outcome" },
    ],
    schema: s47OutcomeSchema,
    request: (v, r) => {
      const s = r.s47s.find((x) => x.outcome === null);
      return s ? { path: `/s47-enquiries/${s.id}/outcome`, body: { outcome: v.text.outcome, outcomeDate: v.text.outcomeDate } } : null;
    },
  },
  "initial-conference": {
    title: "Record the initial child protection conference",
    action: "initial_conference",
    button: "Save conference",
    fields: [
      { kind: "date", name: "conferenceDate", label: "Date of the conference" },
      { kind: "radios", name: "outcome", label: "Decision", options: [{ value: "plan", label: "Child protection plan" }, { value: "no_plan", label: "No child protection plan" }] },
      { kind: "radios", name: "category", label: "Category of abuse (for a plan)", options: opts(CP_CATEGORIES) },
    ],
    schema: conferenceCreateSchema,
    request: (v, r) => {
      const s = r.s47s.find((x) => x.outcome === "icpc" && !r.conferences.some((k) => k.kind === "initial" && k.s47Id === x.id));
      return s ? { path: "/conferences", body: { kind: "initial", s47Id: s.id, conferenceDate: v.text.conferenceDate, outcome: v.text.outcome, category: blank(v.text.category) } } : null;
    },
  },
  "review-conference": {
    title: "Record a review conference",
    action: "review_conference",
    button: "Save review conference",
    fields: [
      { kind: "date", name: "conferenceDate", label: "Date of the review conference" },
      { kind: "radios", name: "outcome", label: "Decision", options: [{ value: "continue", label: "The plan continues" }, { value: "end", label: "The plan ends" }] },
      { kind: "select", name: "category", label: "Category of abuse", options: [{ value: "", label: "No change" }, ...opts(CP_CATEGORIES)] },
    ],
    schema: conferenceCreateSchema,
    request: (v) => ({ path: "/conferences", body: { kind: "review", conferenceDate: v.text.conferenceDate, outcome: v.text.outcome, category: blank(v.text.category) } }),
  },
  "cin-plan": {
    title: "Start a child in need plan",
    action: "start_cin_plan",
    button: "Start plan",
    fields: [{ kind: "date", name: "startDate", label: "Date the plan started" }],
    schema: cinPlanStartSchema,
    request: (v) => ({ path: "/cin-plans", body: { startDate: v.text.startDate } }),
  },
  "cin-review": {
    title: "Review the child in need plan",
    action: "review_cin_plan",
    button: "Save review",
    fields: [
      { kind: "date", name: "reviewDate", label: "Date of the review" },
      { kind: "text", name: "notes", label: "Notes (optional)" },
    ],
    schema: cinPlanReviewSchema,
    request: (v, r) => {
      const p = r.cinPlans.find((x) => x.endDate === null);
      return p ? { path: `/cin-plans/${p.id}/reviews`, body: { reviewDate: v.text.reviewDate, notes: blank(v.text.notes) ?? null } } : null;
    },
  },
  "end-cin-plan": {
    title: "End the child in need plan",
    action: "end_cin_plan",
    button: "End plan",
    fields: [{ kind: "date", name: "endDate", label: "Date the plan ended" }],
    schema: planEndSchema,
    request: (v, r) => {
      const p = r.cinPlans.find((x) => x.endDate === null);
      return p ? { path: `/cin-plans/${p.id}/end`, body: { endDate: v.text.endDate } } : null;
    },
  },
  closure: {
    title: "Close the case",
    action: "close_case",
    button: "Close case",
    fields: [
      { kind: "date", name: "closureDate", label: "Date of closure" },
      { kind: "radios", name: "reason", label: "Reason for closure", options: opts(CIN_CLOSURE_REASONS) },
      { kind: "checkbox", name: "stepDownToEarlyHelp", label: "Step the family down to early help" },
    ],
    schema: socialCareClosureSchema,
    request: (v) => ({ path: "/closure", body: { closureDate: v.text.closureDate, reason: v.text.reason, stepDownToEarlyHelp: v.flags.stepDownToEarlyHelp === true } }),
  },
};
