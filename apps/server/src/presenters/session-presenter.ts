import type { SessionUser } from "@family-story/schemas";
import type { Actor } from "../data/actor.ts";
import { actionsFor } from "../policy/policy.ts";

/** The signed-in user as the web app needs them: who, where, what they may do. */
export function presentSession(actor: Actor, csrfToken: string): SessionUser {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    laCode: actor.laCode,
    laName: actor.laName,
    organisationId: actor.organisationId,
    organisationName: actor.organisationName,
    teamId: actor.teamId,
    teamName: actor.teamName,
    permissions: actionsFor(actor.role),
    csrfToken,
  };
}
