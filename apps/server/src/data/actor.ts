import type { Role } from "@family-story/domain";

/**
 * Who is asking, resolved once per request from the session. Everything the data-access
 * layer scopes and audits by is here, so no query needs to look the user up again.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  laCode: string;
  laName: string;
  organisationId: string;
  organisationName: string;
  teamId: string | null;
  teamName: string | null;
  /** The authorities whose records this user works: their own plus any shared service naming their team. */
  scopeLaCodes: string[];
  requestId: string;
}
