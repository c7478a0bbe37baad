import type { Actor } from "./actor.ts";
import type { AuditActor } from "./audit-log.ts";

/** The audit log's view of the signed-in user. */
export function actorForAudit(actor: Actor): AuditActor {
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    organisationId: actor.organisationId,
    organisationName: actor.organisationName,
    laCode: actor.laCode,
    requestId: actor.requestId,
  };
}
