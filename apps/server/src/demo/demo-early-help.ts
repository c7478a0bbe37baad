import { addCalendarDays, todayIso, type SupportingFamiliesOutcome } from "@family-story/domain";
import type { ContactDetail, EarlyHelpEpisode, EhAssessmentView } from "@family-story/schemas";
import type { DemoApi } from "./demo-api-client.ts";
import type { DemoChild } from "./demo-casework-people.ts";
import { allocate } from "./demo-social-care.ts";

/** Who does early help in the demo: the family hub practitioner, their manager and the school. */
export interface EarlyHelpStaff {
  worker: DemoApi;
  manager: DemoApi;
  partner: DemoApi;
}

const eh = (caseId: string, path = ""): string => `/api/v1/cases/${caseId}/early-help${path}`;

/** A partner's request for support, matched to the child and decided as early help; returns the case. */
export async function requestEarlyHelp(staff: EarlyHelpStaff, child: DemoChild, concerns: string, allocateIt: boolean): Promise<string> {
  const [givenName = "Child", ...rest] = child.name.split(" ");
  const request = await staff.partner.send<{ id: string }>("POST", "/api/v1/requests-for-support", { contactRole: "Designated safeguarding lead", concerns, children: [{ givenName, familyName: rest.join(" "), dob: child.dob }], consentSharing: "yes", consentEarlyHelp: "yes" });
  await staff.manager.send("POST", `/api/v1/contacts/${request.id}/children`, { personId: child.id });
  const contact = await staff.manager.get<ContactDetail>(`/api/v1/contacts/${request.id}`);
  const decided = await staff.manager.send<ContactDetail>("POST", `/api/v1/contacts/${request.id}/decision`, { decision: "early_help", thresholdLevel: 2, reasons: "Needs across school and home: a Team Around the Family in the family hub." }, contact.version);
  const caseId = decided.children[0]?.caseId;
  if (!caseId) throw new Error("Demo casework: the early help decision opened no case");
  if (allocateIt) await allocate(staff.manager, caseId, staff.worker);
  return caseId;
}

/** The whole-family assessment, saved and (optionally) sent and authorised. */
export async function assessFamily(staff: EarlyHelpStaff, caseId: string, child: DemoChild, needs: { outcome: SupportingFamiliesOutcome; description: string }[], authorise: boolean): Promise<void> {
  const content = {
    members: [{ personId: child.id, needs, strengths: "Close to their grandmother; loves football.", ownWords: "I want to be in class more.", checkedFacts: "Address and school confirmed by the family." }],
    familyStrengths: "A loving family who want things to change.",
    familyViews: "Mum wants help with money and with getting the children to school.",
    householdNotes: "",
    summary: "Demo assessment, told once: the family checked what was already known.",
  };
  const saved = await staff.worker.send<EhAssessmentView>("PUT", eh(caseId, "/assessment"), content, 0);
  const version = saved.assessment?.version ?? 1;
  if (!authorise) return;
  await staff.worker.send("POST", eh(caseId, "/assessment/submit"), undefined, version);
  await staff.manager.send("POST", eh(caseId, "/assessment/decision"), { decision: "authorise", note: "Thorough, and in the family's words." }, version + 1);
}

/** A Team Around the Family led by the school, a plan with two goals, authorised. */
export async function planWithTaf(staff: EarlyHelpStaff, caseId: string): Promise<EarlyHelpEpisode> {
  await staff.worker.send("POST", eh(caseId, "/taf-members"), { userId: staff.partner.userId, role: "Designated safeguarding lead", isLead: true });
  await staff.worker.send("POST", eh(caseId, "/taf-members"), { userId: staff.worker.userId, role: "Family practitioner" });
  await staff.worker.send("POST", eh(caseId, "/goals"), { outcome: "education", description: "Attends at least 95% of school days", targetDate: addCalendarDays(todayIso(), 90) });
  let episode = await staff.worker.send<EarlyHelpEpisode>("POST", eh(caseId, "/goals"), { outcome: "financial_stability", description: "Rent arrears on a repayment plan", targetDate: addCalendarDays(todayIso(), 60) });
  const school = episode.taf.find((m) => m.user?.id === staff.partner.userId);
  const me = episode.taf.find((m) => m.user?.id === staff.worker.userId);
  const [education, money] = episode.plan.goals;
  if (!school || !me || !education || !money) throw new Error("Demo casework: the plan was not built");
  await staff.worker.send("POST", eh(caseId, `/goals/${education.id}/actions`), { ownerMemberId: school.id, description: "Daily check-in at the school gate", targetDate: addCalendarDays(todayIso(), 14) });
  episode = await staff.worker.send<EarlyHelpEpisode>("POST", eh(caseId, `/goals/${money.id}/actions`), { ownerMemberId: me.id, description: "Go with mum to the housing benefit appointment", targetDate: addCalendarDays(todayIso(), 10) });
  await staff.worker.send("POST", eh(caseId, "/plan/submit"), undefined, episode.plan.version);
  return staff.manager.send<EarlyHelpEpisode>("POST", eh(caseId, "/plan/decision"), { decision: "authorise" }, episode.plan.version + 1);
}

/** A review of the plan today. */
export async function reviewPlan(staff: EarlyHelpStaff, caseId: string): Promise<void> {
  await staff.worker.send("POST", eh(caseId, "/reviews"), { reviewDate: todayIso(), progress: "Attendance up from 82% to 91%; repayment plan agreed.", familyViews: "Things feel calmer at home." });
}

/** Closure with each goal rated, asked for by the worker and authorised by the manager. */
export async function closeWithOutcomes(staff: EarlyHelpStaff, caseId: string, episode: EarlyHelpEpisode): Promise<void> {
  const goalOutcomes = episode.plan.goals.map((g, i) => ({ goalId: g.id, status: i === 0 ? "met" : "not_met" }));
  await staff.worker.send("POST", eh(caseId, "/closure"), { reason: "outcomes_achieved", closedOn: todayIso(), summary: "Attendance restored; the family knows where to turn.", goalOutcomes });
  await staff.manager.send("POST", eh(caseId, "/closure/decision"), { decision: "authorise" });
}

/** The manager steps the family up to social care: one history across the two services. */
export async function stepUp(staff: EarlyHelpStaff, caseId: string): Promise<void> {
  await staff.manager.send("POST", eh(caseId, "/step-up"), { referralDate: todayIso(), route: "assessment", reason: "Neglect worsening despite the plan: home conditions poor and the child often hungry." });
}
