import { describe, expect, it } from "vitest";
import { QA_QUESTIONS } from "./iro-codes.ts";
import { applyDisputeAction, disputeActions, midpointDue, midpointStatus, nextDisputeStage, raiseDispute, stageOpenedOn, tallyQaAnswers, type DisputeState } from "./iro-rules.ts";

const TODAY = "2025-06-30";

function raised(on = "2025-01-10"): DisputeState {
  const r = raiseDispute(on, "Care plan not updated", "iro-1", TODAY);
  if (!("ok" in r)) throw new Error(r.detail);
  return r.state;
}
function apply(state: DisputeState, action: Parameters<typeof applyDisputeAction>[1]): DisputeState {
  const r = applyDisputeAction(state, action, "iro-1", TODAY);
  if (!("ok" in r)) throw new Error(r.detail);
  return r.state;
}

describe("dispute resolution", () => {
  it("escalates one stage at a time, keeping each stage's date and outcome", () => {
    let s = raised();
    expect(disputeActions(s)).toEqual(["resolved", "escalated", "unresolved"]);
    s = apply(s, { outcome: "escalated", date: "2025-01-20", notes: "No reply" });
    s = apply(s, { outcome: "escalated", date: "2025-02-03", notes: "Still drifting", toStage: "formal_2" });
    expect(s.stage).toBe("formal_2");
    expect(s.stages.map((e) => [e.stage, e.outcome, e.date])).toEqual([
      ["informal", "escalated", "2025-01-20"],
      ["formal_1", "escalated", "2025-02-03"],
      ["formal_2", "open", "2025-02-03"],
    ]);
    expect([0, 1, 2].map((i) => stageOpenedOn(s, i))).toEqual(["2025-01-10", "2025-01-20", "2025-02-03"]);
    s = apply(s, { outcome: "resolved", date: "2025-02-10", notes: "Plan agreed" });
    expect(s.status).toBe("resolved");
    expect(disputeActions(s)).toEqual([]);
  });

  it("refuses skipping a stage, going past stage 3, acting after the end, and dates out of order", () => {
    const s = raised();
    expect(applyDisputeAction(s, { outcome: "escalated", date: "2025-01-20", notes: "", toStage: "formal_2" }, null, TODAY)).toMatchObject({ status: 409, title: "Escalate one stage at a time" });
    expect(applyDisputeAction(s, { outcome: "resolved", date: "2025-01-09", notes: "" }, null, TODAY)).toMatchObject({ status: 422, field: "date" });
    expect(applyDisputeAction(s, { outcome: "resolved", date: "2025-07-01", notes: "" }, null, TODAY)).toMatchObject({ status: 422, field: "date" });
    let top = s;
    for (const date of ["2025-01-11", "2025-01-12", "2025-01-13"]) top = apply(top, { outcome: "escalated", date, notes: "" });
    expect(top.stage).toBe("formal_3");
    expect(disputeActions(top)).toEqual(["resolved", "unresolved"]);
    expect(applyDisputeAction(top, { outcome: "escalated", date: "2025-01-14", notes: "" }, null, TODAY)).toMatchObject({ status: 409 });
    const ended = apply(top, { outcome: "unresolved", date: "2025-01-14", notes: "Director's decision stands" });
    expect(ended.status).toBe("unresolved");
    expect(applyDisputeAction(ended, { outcome: "resolved", date: "2025-01-15", notes: "" }, null, TODAY)).toMatchObject({ status: 409, title: "This dispute has ended" });
    expect(raiseDispute("2025-07-01", "", null, TODAY)).toMatchObject({ status: 422, field: "raisedOn" });
    expect(nextDisputeStage("formal_3")).toBeNull();
  });
});

describe("mid-point monitoring", () => {
  it("falls halfway between the last review and the next due", () => {
    expect(midpointDue("2025-01-01", "2025-07-01")).toBe("2025-04-01"); // 181 days: 90 after
    expect(midpointDue("2025-03-01", "2025-03-04")).toBe("2025-03-02");
  });
  it("is none before a review, done after a check since the last review, else due or overdue", () => {
    expect(midpointStatus(null, null, null, TODAY)).toBe("none");
    expect(midpointStatus("2025-01-01", "2025-04-01", "2025-03-15", TODAY)).toBe("done");
    expect(midpointStatus("2025-01-01", "2025-04-01", "2024-12-01", TODAY)).toBe("overdue");
    expect(midpointStatus("2025-06-01", "2025-09-01", null, TODAY)).toBe("not_due");
  });
});

describe("quality-assurance tally", () => {
  it("counts each answer and its share, to one decimal place", () => {
    const key = QA_QUESTIONS[0].key;
    const tally = tallyQaAnswers([{ [key]: "yes" }, { [key]: "yes" }, { [key]: "no" }, {}]);
    const q = tally.find((t) => t.key === key);
    expect(q?.total).toBe(3);
    expect(q?.answers.map((a) => [a.answer, a.count, a.percent])).toEqual([
      ["yes", 2, 66.7],
      ["partly", 0, 0],
      ["no", 1, 33.3],
      ["not_applicable", 0, 0],
    ]);
    expect(tally).toHaveLength(QA_QUESTIONS.length);
    expect(tally[1]?.answers.every((a) => a.percent === 0)).toBe(true);
  });
});
