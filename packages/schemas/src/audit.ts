import { z } from "zod";
import { isoDate, uuid } from "./common.ts";

export const auditQuerySchema = z
  .strictObject({
    personId: uuid.optional(),
    actorUserId: uuid.optional(),
    action: z.string().max(60).optional().describe("An action such as person.read, or a prefix ending in * such as admin.*"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    laCode: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    beforeSeq: z.coerce.number().int().positive().optional().describe("Page backwards from this sequence number"),
  })
  .meta({ id: "AuditQuery" });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z
  .object({
    laCode: z.string(),
    seq: z.number().int(),
    id: z.string(),
    occurredAt: z.string(),
    requestId: z.string().nullable(),
    actor: z.object({
      userId: z.string().nullable(),
      username: z.string().nullable(),
      name: z.string().nullable(),
      role: z.string().nullable(),
      organisationName: z.string().nullable(),
      laCode: z.string().nullable(),
    }),
    action: z.string(),
    outcome: z.enum(["allowed", "denied"]),
    personId: z.string().nullable(),
    entity: z.string().nullable(),
    entityId: z.string().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = z
  .object({ events: z.array(auditEventSchema), nextBeforeSeq: z.number().int().nullable() })
  .meta({ id: "AuditList" });
export type AuditList = z.infer<typeof auditListSchema>;

export const auditVerifySchema = z
  .object({
    laCode: z.string(),
    checked: z.number().int(),
    ok: z.boolean(),
    firstBrokenSeq: z.number().int().nullable(),
    problem: z.string().nullable(),
  })
  .meta({ id: "AuditVerifyResult" });
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
