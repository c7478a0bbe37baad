import type { CaseSummary, Person } from "@family-story/schemas";
import type { ApiSession } from "./api-session.ts";

/** A child referred through the front door into social care, as the case the journey works on. */
export interface ReferredChild {
  child: Person;
  mother: Person;
  caseId: string;
}

/**
 * Records a child and mother, a contact about the child, and the manager's decision to refer
 * to social care: the case opens unallocated in the front door's team, as it would in practice.
 */
export async function referChild(practitioner: ApiSession, manager: ApiSession, familyName: string): Promise<ReferredChild> {
  const person = async (body: Record<string, unknown>) => {
    const res = await practitioner.call<Person>("POST", "/api/v1/people", body);
    if (res.status !== 201) throw new Error(`Could not create a person: ${String(res.status)} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const child = await person({ givenName: "Leo", familyName, dob: "2016-04-11", sex: "male" });
  const mother = await person({ givenName: "Maria", familyName, dob: "1989-08-30", sex: "female" });
  const contact = await practitioner.call<{ id: string; version: number }>("POST", "/api/v1/contacts", {
    referralSource: "2A",
    contactName: "Designated safeguarding lead",
    concerns: "Leo has come to school hungry and with bruising on his arm three times this month.",
    childIds: [child.id],
    consentSharing: "yes",
    consentEarlyHelp: "yes",
  });
  if (contact.status !== 201) throw new Error(`Could not record the contact: ${String(contact.status)} ${JSON.stringify(contact.body)}`);
  const decided = await manager.call("POST", `/api/v1/contacts/${contact.body.id}/decision`, { decision: "social_care_assessment", thresholdLevel: 3, reasons: "Needs a child and family assessment." }, { "if-match": contact.etag ?? `W/"${String(contact.body.version)}"` });
  if (decided.status !== 200 && decided.status !== 201) throw new Error(`Could not decide the contact: ${String(decided.status)} ${JSON.stringify(decided.body)}`);
  const cases = await practitioner.call<CaseSummary[]>("GET", `/api/v1/people/${child.id}/cases`);
  const open = cases.body.find((c) => c.status === "open");
  if (!open) throw new Error(`No case opened for the child: ${JSON.stringify(cases.body)}`);
  // The decision allocates nobody; make sure the journey starts from an unallocated case in the manager's team.
  if (open.allocatedTo !== null || open.teamId !== manager.user.teamId) {
    const caseRes = await manager.call<CaseSummary>("GET", `/api/v1/cases/${open.id}`);
    const res = await manager.call("PUT", `/api/v1/cases/${open.id}/allocation`, { userId: null, teamId: manager.user.teamId }, { "if-match": caseRes.etag ?? "" });
    if (res.status !== 200) throw new Error(`Could not move the case to the manager's team: ${String(res.status)} ${JSON.stringify(res.body)}`);
  }
  return { child, mother, caseId: open.id };
}
