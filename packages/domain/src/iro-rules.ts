/**
 * The IRO's rules: the dispute resolution protocol as a state machine (informal alert, then
 * formal stages 1–3, one step at a time, ending resolved or closed unresolved), when mid-point
 * monitoring falls due between reviews, and the anonymous tally of quality-assurance answers.
 * Pure: a refusal comes back as a value saying why, never an exception.
 */
import { DISPUTE_STAGES, QA_ANSWERS, QA_QUESTIONS, type DisputeOutcome, type DisputeStage, type DisputeStatus } from "./iro-codes.ts";
import type { Refusal } from "./social-care-rules.ts";
import { dueStatus, type DueStatus } from "./timescales.ts";
import { addCalendarDays, calendarDaysBetween } from "./working-days.ts";

/**
 * One stage of a dispute as kept in its history. While the stage is open, `date` is the day it
 * opened and `outcome` is "open"; once decided, `date` is the day of the outcome. A stage opens
 * the day the one before it was escalated (the first, the day the dispute was raised).
 */
export interface DisputeStageEntry {
  stage: DisputeStage;
  date: string;
  outcome: DisputeOutcome | "open";
  notes: string;
  by: string | null;
}

/** A dispute as the rules see it. */
export interface DisputeState {
  raisedOn: string;
  stage: DisputeStage;
  status: DisputeStatus;
  stages: readonly DisputeStageEntry[];
}

/** What the IRO records about the current stage. */
export interface DisputeAction {
  outcome: DisputeOutcome;
  date: string;
  notes: string;
  /** For an escalation, the stage it goes to; must be the next one when given. */
  toStage?: DisputeStage | undefined;
}

const conflict = (title: string, detail: string): Refusal => ({ status: 409, title, detail });
const invalid = (field: string, title: string, detail: string): Refusal => ({ status: 422, title, detail, field });

/** The stage after this one, or null after formal stage 3. */
export function nextDisputeStage(stage: DisputeStage): DisputeStage | null {
  const i = DISPUTE_STAGES.findIndex((s) => s.code === stage);
  return DISPUTE_STAGES[i + 1]?.code ?? null;
}

/** The label of a stage ("Formal stage 2"). */
export function disputeStageLabel(stage: DisputeStage): string {
  return DISPUTE_STAGES.find((s) => s.code === stage)?.label ?? stage;
}

/** The day each stage in the history opened: the dispute's raising, then each escalation. */
export function stageOpenedOn(state: Pick<DisputeState, "raisedOn" | "stages">, index: number): string {
  if (index <= 0) return state.raisedOn;
  return state.stages[index - 1]?.date ?? state.raisedOn;
}

/** A new dispute: an informal alert, open, raised on the day given (not in the future). */
export function raiseDispute(raisedOn: string, notes: string, by: string | null, today: string): { ok: true; state: DisputeState } | Refusal {
  if (raisedOn > today) return invalid("raisedOn", "Date is in the future", `The dispute cannot be raised on a future date (${raisedOn}).`);
  return { ok: true, state: { raisedOn, stage: "informal", status: "open", stages: [{ stage: "informal", date: raisedOn, outcome: "open", notes, by }] } };
}

/** The outcomes the IRO may record now: none once the dispute has ended; no escalation past stage 3. */
export function disputeActions(state: Pick<DisputeState, "status" | "stage">): DisputeOutcome[] {
  if (state.status !== "open") return [];
  return nextDisputeStage(state.stage) === null ? ["resolved", "unresolved"] : ["resolved", "escalated", "unresolved"];
}

/**
 * Records the outcome of the current stage. Resolved or unresolved ends the dispute; escalated
 * opens the next stage the same day. Refused (409) once the dispute has ended, past formal
 * stage 3, or when an escalation skips a stage; (422) when the date is before the stage opened
 * or in the future.
 */
export function applyDisputeAction(state: DisputeState, action: DisputeAction, by: string | null, today: string): { ok: true; state: DisputeState } | Refusal {
  if (state.status !== "open") {
    return conflict("This dispute has ended", `The dispute was ${state.status === "resolved" ? "resolved" : "closed unresolved"}; nothing more can be recorded on it. Raise a new dispute if the concern returns.`);
  }
  const index = state.stages.findLastIndex((s) => s.outcome === "open");
  const current = state.stages[index];
  if (!current || current.stage !== state.stage) return conflict("The dispute's history is inconsistent", "The current stage has no open entry in the dispute's history.");
  const openedOn = stageOpenedOn(state, index);
  if (action.date < openedOn) return invalid("date", "Date is too early", `The date (${action.date}) cannot be before this stage opened (${openedOn}).`);
  if (action.date > today) return invalid("date", "Date is in the future", `The date (${action.date}) cannot be in the future: record what has happened.`);
  const decided: DisputeStageEntry = { stage: current.stage, date: action.date, outcome: action.outcome, notes: action.notes, by };
  const before = state.stages.slice(0, index);
  switch (action.outcome) {
    case "resolved":
    case "unresolved":
      if (action.toStage !== undefined) return invalid("toStage", "Only an escalation goes to another stage", "Leave the stage out unless you are escalating the dispute.");
      return { ok: true, state: { ...state, status: action.outcome, stages: [...before, decided] } };
    case "escalated": {
      const next = nextDisputeStage(current.stage);
      if (next === null) return conflict("There is no further stage", "Formal stage 3 (head of service or director) is the last stage: record it as resolved or closed unresolved.");
      if (action.toStage !== undefined && action.toStage !== next) {
        return conflict("Escalate one stage at a time", `From ${disputeStageLabel(current.stage)} the dispute can go only to ${disputeStageLabel(next)}, not ${disputeStageLabel(action.toStage)}.`);
      }
      const opened: DisputeStageEntry = { stage: next, date: action.date, outcome: "open", notes: "", by };
      return { ok: true, state: { ...state, stage: next, stages: [...before, decided, opened] } };
    }
  }
}

/** Halfway between the last review and the next one due (rounded down to a whole day). */
export function midpointDue(lastReview: string, nextReviewDue: string): string {
  return addCalendarDays(lastReview, Math.floor(calendarDaysBetween(lastReview, nextReviewDue) / 2));
}

/** Where mid-point monitoring stands: none (no review held yet), done since the last review, or its due status. */
export type MidpointStatus = "none" | "done" | DueStatus;

/**
 * The mid-point's status today: "none" before any review, "done" when a check is dated on or
 * after the last review, else how pressing its due date is.
 */
export function midpointStatus(lastReview: string | null, due: string | null, lastCheck: string | null, today: string): MidpointStatus {
  if (lastReview === null || due === null) return "none";
  if (lastCheck !== null && lastCheck >= lastReview) return "done";
  return dueStatus(due, today);
}

/** One answer's share of a question. */
export interface QaAnswerTally {
  answer: string;
  label: string;
  count: number;
  /** Of the forms that answered the question, to one decimal place. */
  percent: number;
}

/** One question across many forms. */
export interface QaQuestionTally {
  key: string;
  text: string;
  /** Forms that answered it. */
  total: number;
  answers: QaAnswerTally[];
}

/**
 * Counts each question's answers over a set of forms and gives each answer's share: the
 * anonymous aggregate, which carries no form, child or reviewer.
 */
export function tallyQaAnswers(forms: readonly Readonly<Record<string, string>>[]): QaQuestionTally[] {
  return QA_QUESTIONS.map((q) => {
    const counts = QA_ANSWERS.map((a) => forms.filter((f) => f[q.key] === a.code).length);
    const total = counts.reduce((sum, n) => sum + n, 0);
    return {
      key: q.key,
      text: q.text,
      total,
      answers: QA_ANSWERS.map((a, i) => {
        const count = counts[i] ?? 0;
        return { answer: a.code, label: a.label, count, percent: total === 0 ? 0 : Math.round((count * 1000) / total) / 10 };
      }),
    };
  });
}
