import type { SocialCareRecord } from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;

/** A social care case's record: referral, assessments, enquiries, conferences and plans. */
export function loadSocialCare(caseId: string): Promise<SocialCareRecord> {
  return get<SocialCareRecord>(`/api/v1/cases/${enc(caseId)}/social-care`);
}

/** Records one step (path relative to the case's social care record). */
export function recordSocialCareStep(caseId: string, path: string, body: unknown): Promise<Versioned<SocialCareRecord>> {
  return request<SocialCareRecord>("POST", `/api/v1/cases/${enc(caseId)}/social-care${path}`, { body });
}
