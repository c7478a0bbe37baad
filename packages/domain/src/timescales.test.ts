import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOCAL_STANDARDS,
  LOCAL_STANDARD_LIMITS,
  assessmentDue,
  caseNoteLocksAt,
  contactDecisionDue,
  describeDue,
  describeDueAt,
  dueStatus,
  dueStatusAt,
  earlyHelpReviewDue,
  firstReviewConferenceDue,
  formatLondonDeadline,
  icpcDue,
  isOverdue,
  isRepeatReferral,
  localStandardsProblems,
  nextReviewConferenceDue,
  supervisionDue,
  visitDue,
} from "./timescales.ts";

describe("local standards", () => {
  it("default to 6-weekly early help reviews, CP visits every 10 and CIN visits every 20 working days", () => {
    expect(DEFAULT_LOCAL_STANDARDS).toEqual({
      earlyHelpReviewWeeks: 6,
      cpVisitWorkingDays: 10,
      cinVisitWorkingDays: 20,
      supervisionWeeks: 4,
      caseNoteLockHours: 24,
      contactDecisionWorkingDays: 1,
    });
    expect(localStandardsProblems(DEFAULT_LOCAL_STANDARDS)).toEqual([]);
  });

  it("name each standard that is out of its limits or not whole", () => {
    const problems = localStandardsProblems({ ...DEFAULT_LOCAL_STANDARDS, cpVisitWorkingDays: 31, supervisionWeeks: 0, caseNoteLockHours: 1.5 });
    expect(problems).toEqual([
      { key: "cpVisitWorkingDays", message: "Must be 30 or fewer" },
      { key: "supervisionWeeks", message: "Must be at least 1" },
      { key: "caseNoteLockHours", message: "Must be a whole number" },
    ]);
    expect(Object.keys(LOCAL_STANDARD_LIMITS).sort()).toEqual(Object.keys(DEFAULT_LOCAL_STANDARDS).sort());
  });
});

describe("contactDecisionDue", () => {
  it("keeps the London clock time across the spring clock change", () => {
    // Fri 28 Mar 2025 16:30 is GMT (16:30Z). One working day later is Mon 31 Mar; clocks went
    // forward on Sun 30 Mar, so 16:30 BST on the Monday is 15:30Z.
    expect(contactDecisionDue("2025-03-28T16:30:00Z", DEFAULT_LOCAL_STANDARDS)).toBe("2025-03-31T15:30:00.000Z");
  });

  it("keeps the London clock time across the autumn clock change", () => {
    // Fri 24 Oct 2025 10:00 BST is 09:00Z; clocks went back on Sun 26 Oct, so Mon 27 Oct
    // 10:00 GMT is 10:00Z.
    expect(contactDecisionDue("2025-10-24T10:00:00+01:00", DEFAULT_LOCAL_STANDARDS)).toBe("2025-10-27T10:00:00.000Z");
  });

  it("counts a weekend contact from 09:00 on the next working day", () => {
    // Sat 29 Mar 2025 → clock starts Mon 31 Mar 09:00 BST → due Tue 1 Apr 09:00 BST = 08:00Z.
    expect(contactDecisionDue("2025-03-29T11:00:00Z", DEFAULT_LOCAL_STANDARDS)).toBe("2025-04-01T08:00:00.000Z");
  });

  it("counts a bank holiday contact from 09:00 on the next working day", () => {
    // Good Friday 18 Apr 2025; Easter Monday 21 Apr is a holiday too → clock starts Tue 22 Apr
    // 09:00 BST → due Wed 23 Apr 09:00 BST = 08:00Z.
    expect(contactDecisionDue("2025-04-18T09:00:00Z", DEFAULT_LOCAL_STANDARDS)).toBe("2025-04-23T08:00:00.000Z");
  });

  it("uses the date in London, not in UTC", () => {
    // 23:30Z on Sun 1 Jun 2025 is 00:30 BST on Mon 2 Jun, a working day → due Tue 3 Jun 00:30 BST.
    expect(contactDecisionDue("2025-06-01T23:30:00Z", DEFAULT_LOCAL_STANDARDS)).toBe("2025-06-02T23:30:00.000Z");
    // 23:30Z on Fri 27 Jun 2025 is 00:30 BST on Sat 28 Jun → counts from Mon 30 Jun 09:00 →
    // due Tue 1 Jul 09:00 BST = 08:00Z.
    expect(contactDecisionDue("2025-06-27T23:30:00Z", DEFAULT_LOCAL_STANDARDS)).toBe("2025-07-01T08:00:00.000Z");
  });

  it("follows a local standard of more than one working day", () => {
    // Thu 19 Dec 2024 14:05 GMT + 3 working days: Fri 20, Mon 23, Tue 24 → 14:05Z on Tue 24 Dec.
    expect(contactDecisionDue("2024-12-19T14:05:00Z", { ...DEFAULT_LOCAL_STANDARDS, contactDecisionWorkingDays: 3 })).toBe("2024-12-24T14:05:00.000Z");
  });

  it("refuses an instant without a time zone, which would be read in the machine's zone", () => {
    expect(() => contactDecisionDue("2025-03-28T16:30:00", DEFAULT_LOCAL_STANDARDS)).toThrow(RangeError);
  });
});

describe("statutory due dates", () => {
  it("assessment: 45 working days after the referral", () => {
    // Worked by hand in working-days.test.ts: Mon 20 Nov 2023 → Thu 25 Jan 2024.
    expect(assessmentDue("2023-11-20")).toBe("2024-01-25");
  });

  it("initial child protection conference: 15 working days after the strategy discussion", () => {
    // Fri 20 Dec 2024 → Wed 15 Jan 2025 (Christmas, Boxing Day and New Year's Day skipped).
    expect(icpcDue("2024-12-20")).toBe("2025-01-15");
    // Thu 21 Mar 2024: Mar 22 = 1; Mar 25–28 = 5; (Easter) Apr 2–5 = 9; Apr 8–12 = 14; Apr 15 = 15.
    expect(icpcDue("2024-03-21")).toBe("2024-04-15");
  });

  it("review conferences: 3 months after the initial conference, then every 6 months, month ends clamped", () => {
    expect(firstReviewConferenceDue("2023-11-30")).toBe("2024-02-29");
    expect(firstReviewConferenceDue("2024-11-30")).toBe("2025-02-28");
    expect(firstReviewConferenceDue("2024-04-15")).toBe("2024-07-15");
    expect(nextReviewConferenceDue("2024-08-31")).toBe("2025-02-28");
    expect(nextReviewConferenceDue("2023-08-29")).toBe("2024-02-29");
  });
});

describe("local due dates", () => {
  it("visits: working days after the last visit, by plan kind", () => {
    // From Fri 22 Mar 2024: Mar 25–28 = 4; (Good Friday, Easter Monday) Apr 2–5 = 8; Apr 8, 9 = 10.
    expect(visitDue("2024-03-22", "cp", DEFAULT_LOCAL_STANDARDS)).toBe("2024-04-09");
    // …Apr 10–12 = 13; Apr 15–19 = 18; Apr 22, 23 = 20.
    expect(visitDue("2024-03-22", "cin", DEFAULT_LOCAL_STANDARDS)).toBe("2024-04-23");
    expect(visitDue("2024-03-22", "cp", { ...DEFAULT_LOCAL_STANDARDS, cpVisitWorkingDays: 5 })).toBe("2024-04-02");
  });

  it("early help reviews and supervision: whole weeks", () => {
    expect(earlyHelpReviewDue("2024-01-10", DEFAULT_LOCAL_STANDARDS)).toBe("2024-02-21"); // +42 days
    expect(earlyHelpReviewDue("2024-01-10", { ...DEFAULT_LOCAL_STANDARDS, earlyHelpReviewWeeks: 8 })).toBe("2024-03-06");
    expect(supervisionDue("2024-01-31", DEFAULT_LOCAL_STANDARDS)).toBe("2024-02-28"); // +28 days
  });

  it("case notes lock the standard's hours after they are written", () => {
    expect(caseNoteLocksAt("2025-03-29T10:15:00Z", DEFAULT_LOCAL_STANDARDS)).toBe("2025-03-30T10:15:00.000Z");
  });
});

describe("isRepeatReferral", () => {
  it("counts a previous referral on or after the date 12 months earlier", () => {
    expect(isRepeatReferral("2024-05-15", ["2023-05-15"])).toBe(true); // exactly 12 months before
    expect(isRepeatReferral("2024-05-15", ["2023-05-14"])).toBe(false); // a day more
    expect(isRepeatReferral("2024-05-15", ["2024-05-14"])).toBe(true);
    expect(isRepeatReferral("2024-05-15", ["2022-01-01", "2023-05-14", "2024-01-02"])).toBe(true);
    expect(isRepeatReferral("2024-05-15", [])).toBe(false);
  });

  it("ignores referrals on the same day or later", () => {
    expect(isRepeatReferral("2024-05-15", ["2024-05-15"])).toBe(false);
    expect(isRepeatReferral("2024-05-15", ["2024-06-01"])).toBe(false);
  });

  it("clamps the look-back across leap days", () => {
    // 29 Feb 2024 less 12 months is 28 Feb 2023.
    expect(isRepeatReferral("2024-02-29", ["2023-02-28"])).toBe(true);
    expect(isRepeatReferral("2024-02-29", ["2023-02-27"])).toBe(false);
    expect(isRepeatReferral("2025-02-28", ["2024-02-28"])).toBe(true);
    expect(isRepeatReferral("2025-02-28", ["2024-02-27"])).toBe(false);
    expect(isRepeatReferral("2025-03-01", ["2024-02-29"])).toBe(false); // 2024-03-01 is the boundary
  });
});

describe("due status and words", () => {
  it("overdue only once the due date has passed", () => {
    expect(isOverdue("2024-04-02", "2024-04-02")).toBe(false);
    expect(isOverdue("2024-04-02", "2024-04-03")).toBe(true);
  });

  it("is due soon within 5 working days", () => {
    expect(dueStatus("2024-03-28", "2024-04-02")).toBe("overdue");
    expect(dueStatus("2024-04-02", "2024-04-02")).toBe("due_today");
    expect(dueStatus("2024-04-02", "2024-03-28")).toBe("due_soon"); // 1 working day (Easter between)
    expect(dueStatus("2024-04-08", "2024-03-28")).toBe("due_soon"); // Apr 2, 3, 4, 5, 8 = 5
    expect(dueStatus("2024-04-09", "2024-03-28")).toBe("not_due"); // 6
    expect(dueStatus("2024-04-06", "2024-04-05")).toBe("due_soon"); // due on a Saturday
  });

  it("says how far off in working days, or in days when no working day lies between", () => {
    expect(describeDue("2024-04-02", "2024-04-02")).toBe("Due today");
    expect(describeDue("2024-03-28", "2024-04-02")).toBe("Overdue by 1 working day");
    expect(describeDue("2024-03-25", "2024-04-03")).toBe("Overdue by 5 working days"); // 26, 27, 28, Apr 2, 3
    expect(describeDue("2024-04-08", "2024-03-28")).toBe("Due in 5 working days");
    expect(describeDue("2024-04-02", "2024-03-28")).toBe("Due in 1 working day");
    expect(describeDue("2024-04-06", "2024-04-05")).toBe("Due in 1 day"); // Fri, due Sat
    expect(describeDue("2024-04-05", "2024-04-07")).toBe("Overdue by 2 days"); // due Fri, asked Sun
  });

  it("describes deadlines at a time of day in London time", () => {
    const due = "2025-03-31T15:30:00.000Z"; // 4:30pm BST
    expect(formatLondonDeadline(due)).toBe("4:30pm on 31 March 2025");
    expect(formatLondonDeadline("2025-01-06T09:00:00Z")).toBe("9am on 6 January 2025");
    expect(formatLondonDeadline("2025-01-06T12:00:00Z")).toBe("midday on 6 January 2025");
    expect(describeDueAt(due, "2025-03-28T16:30:00Z")).toBe("Due by 4:30pm on 31 March 2025");
    expect(describeDueAt(due, "2025-03-31T08:00:00Z")).toBe("Due by 4:30pm today");
    expect(describeDueAt(due, "2025-03-31T15:31:00Z")).toBe("Overdue: was due by 4:30pm on 31 March 2025");
    expect(dueStatusAt(due, "2025-03-31T08:00:00Z")).toBe("due_today");
    expect(dueStatusAt(due, "2025-03-31T15:31:00Z")).toBe("overdue");
    expect(dueStatusAt(due, "2025-03-28T16:30:00Z")).toBe("due_soon");
  });
});
