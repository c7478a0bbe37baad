import { addWorkingDays, todayIso, type AssessmentFactor, type CinClosureReason, type ContactDecision, type CpCategory, type PrimaryNeed, type ReferralSource } from "@family-story/domain";
import type { CaseDetail, ContactDetail, SocialCareRecord } from "@family-story/schemas";
import type { DemoApi } from "./demo-api-client.ts";
import type { DemoChild } from "./demo-casework-people.ts";

/** A date this many working days ago. */
export function workingDaysAgo(n: number): string {
  return addWorkingDays(todayIso(), -n);
}

/** The front door's people and the workers cases go to. */
export interface DemoStaff {
  worker: DemoApi;
  manager: DemoApi;
}

export interface ReferralPlan {
  receivedDaysAgo: number;
  source: ReferralSource;
  from: string;
  concerns: string;
  decision: ContactDecision;
  level: 1 | 2 | 3 | 4;
  allocateTo: DemoApi | null;
}

/** A contact recorded and decided through the front door; returns the case it opened. */
export async function referThroughFrontDoor(staff: DemoStaff, children: DemoChild[], plan: ReferralPlan): Promise<string> {
  const contact = await staff.worker.send<ContactDetail>("POST", "/api/v1/contacts", {
    receivedAt: `${workingDaysAgo(plan.receivedDaysAgo)}T10:15:00Z`,
    referralSource: plan.source,
    contactName: plan.from,
    concerns: plan.concerns,
    childIds: children.map((c) => c.id),
    consentSharing: "yes",
    consentEarlyHelp: "yes",
  });
  const decided = await staff.manager.send<ContactDetail>("POST", `/api/v1/contacts/${contact.id}/decision`, { decision: plan.decision, thresholdLevel: plan.level, reasons: `Demo: ${plan.concerns}` }, contact.version);
  const caseId = decided.children[0]?.caseId;
  if (!caseId) throw new Error("Demo casework: the decision opened no case");
  if (plan.allocateTo) await allocate(staff.manager, caseId, plan.allocateTo);
  return caseId;
}

/** Allocates a case through the manager's allocation endpoint. */
export async function allocate(manager: DemoApi, caseId: string, to: DemoApi): Promise<void> {
  const detail = await manager.get<CaseDetail>(`/api/v1/cases/${caseId}`);
  await manager.send("PUT", `/api/v1/cases/${caseId}/allocation`, { userId: to.userId }, detail.version);
}

const sc = (caseId: string, path = ""): string => `/api/v1/cases/${caseId}/social-care${path}`;

/** An assessment started, and optionally completed and authorised. */
export async function assess(staff: DemoStaff, caseId: string, dates: { start: number; complete?: number; authorise?: number }, findings: { factors: AssessmentFactor[]; need: PrimaryNeed }): Promise<void> {
  let record = await staff.worker.send<SocialCareRecord>("POST", sc(caseId, "/assessments"), { startDate: workingDaysAgo(dates.start) });
  const id = record.assessments.at(-1)?.id ?? "";
  if (dates.complete === undefined) return;
  record = await staff.worker.send<SocialCareRecord>("POST", sc(caseId, `/assessments/${id}/completion`), { completedDate: workingDaysAgo(dates.complete), factors: findings.factors, primaryNeed: findings.need, summary: "Demo assessment: needs identified with the family." });
  await staff.worker.send("POST", sc(caseId, `/assessments/${id}/authorisation-request`));
  if (dates.authorise !== undefined) await staff.manager.send("POST", sc(caseId, `/assessments/${id}/authorisation`), { authorisedDate: workingDaysAgo(dates.authorise) });
}

/** Strategy discussion → s47 → ICPC with a plan, dated so many working days ago. */
export async function protect(staff: DemoStaff, caseId: string, dates: { strategy: number; s47: number; icpc: number }, category: CpCategory): Promise<SocialCareRecord> {
  let record = await staff.worker.send<SocialCareRecord>("POST", sc(caseId, "/strategy-discussions"), { discussionDate: workingDaysAgo(dates.strategy), attendees: "Social worker, police, school, health visitor", decision: "s47" });
  const strategyId = record.strategyDiscussions.at(-1)?.id ?? "";
  record = await staff.worker.send<SocialCareRecord>("POST", sc(caseId, "/s47-enquiries"), { strategyDiscussionId: strategyId, startDate: workingDaysAgo(dates.s47) });
  const s47Id = record.s47s.at(-1)?.id ?? "";
  await staff.worker.send("POST", sc(caseId, `/s47-enquiries/${s47Id}/outcome`), { outcome: "icpc", outcomeDate: workingDaysAgo(dates.s47 - 2) });
  return staff.worker.send<SocialCareRecord>("POST", sc(caseId, "/conferences"), { kind: "initial", s47Id, conferenceDate: workingDaysAgo(dates.icpc), outcome: "plan", category });
}

/** A review conference at which the plan continues. */
export async function reviewConference(staff: DemoStaff, caseId: string, daysAgo: number): Promise<void> {
  await staff.worker.send("POST", sc(caseId, "/conferences"), { kind: "review", conferenceDate: workingDaysAgo(daysAgo), outcome: "continue" });
}

/** A child in need plan with reviews. */
export async function cinPlan(staff: DemoStaff, caseId: string, startDaysAgo: number, reviewsDaysAgo: number[]): Promise<void> {
  const record = await staff.worker.send<SocialCareRecord>("POST", sc(caseId, "/cin-plans"), { startDate: workingDaysAgo(startDaysAgo) });
  const planId = record.cinPlans.at(-1)?.id ?? "";
  for (const d of reviewsDaysAgo) await staff.worker.send("POST", sc(caseId, `/cin-plans/${planId}/reviews`), { reviewDate: workingDaysAgo(d), notes: "Demo review: progress against the plan discussed with the family." });
}

/** Closes the CIN episode; RC9 steps down to early help. */
export async function closeEpisode(staff: DemoStaff, caseId: string, daysAgo: number, reason: CinClosureReason): Promise<SocialCareRecord> {
  return staff.worker.send<SocialCareRecord>("POST", sc(caseId, "/closure"), { closureDate: workingDaysAgo(daysAgo), reason, stepDownToEarlyHelp: reason === "RC9" });
}

/** Home visits on the given working days ago, the child seen (alone on every other visit). */
export async function visits(worker: DemoApi, child: DemoChild, caseId: string, daysAgo: number[]): Promise<void> {
  for (const [i, d] of daysAgo.entries()) {
    await worker.send("POST", `/api/v1/people/${child.id}/case-notes`, {
      caseId,
      noteDate: workingDaysAgo(d),
      noteType: "home_visit",
      present: "Child, mother",
      childSeen: true,
      seenAlone: i % 2 === 0,
      body: `Demo visit: ${child.name} was seen at home. Talked about school, friends and how things are at home.`,
    });
  }
}
