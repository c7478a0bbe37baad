import { z } from "zod";
import { isoDate, nonEmpty, uuid } from "./common.ts";

/** Supervision: a manager's regular, recorded reflection with a worker on their cases. */

export const supervisionCreateSchema = z
  .strictObject({
    workerId: uuid,
    supervisedOn: isoDate,
    reflections: nonEmpty(20000),
    cases: z
      .array(z.strictObject({ caseId: uuid, note: nonEmpty(5000) }))
      .max(100)
      .default([])
      .refine((cs) => new Set(cs.map((c) => c.caseId)).size === cs.length, { message: "Each case can be discussed once per supervision" }),
    actions: z.array(z.strictObject({ title: nonEmpty(200), ownerId: uuid, dueDate: isoDate, caseId: uuid.optional() })).max(50).default([]),
  })
  .meta({ id: "SupervisionCreate" });
export type SupervisionCreate = z.infer<typeof supervisionCreateSchema>;
export type SupervisionCreateInput = z.input<typeof supervisionCreateSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const supervisionSchema = z
  .object({
    id: z.string(),
    worker: ref,
    manager: ref,
    supervisedOn: z.string(),
    reflections: z.string(),
    cases: z.array(z.object({ caseId: z.string(), title: z.string(), subject: ref, note: z.string() })).describe("Cases discussed that you may see"),
    actions: z.array(z.object({ id: z.string(), title: z.string(), owner: ref.nullable(), dueDate: z.string().nullable(), caseId: z.string().nullable(), status: z.string() })),
    createdAt: z.string(),
  })
  .meta({ id: "Supervision" });
export type Supervision = z.infer<typeof supervisionSchema>;

export const supervisionListQuerySchema = z.strictObject({ workerId: uuid.optional() }).meta({ id: "SupervisionListQuery" });

export const supervisionSummarySchema = supervisionSchema.pick({ id: true, worker: true, manager: true, supervisedOn: true, createdAt: true }).extend({ casesDiscussed: z.number().int(), actions: z.number().int() }).meta({ id: "SupervisionSummary" });
export type SupervisionSummary = z.infer<typeof supervisionSummarySchema>;

export const teamSupervisionStatusSchema = z
  .object({
    supervisionWeeks: z.number().int(),
    workers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.string(),
        openCases: z.number().int(),
        lastSupervisedOn: z.string().nullable(),
        dueOn: z.string().nullable().describe("When the next supervision is due by the local standard; null if none was ever recorded"),
        overdue: z.boolean().describe("Supervision overdue, or never recorded"),
        dueText: z.string(),
      }),
    ),
  })
  .meta({ id: "TeamSupervisionStatus" });
export type TeamSupervisionStatus = z.infer<typeof teamSupervisionStatusSchema>;

export const teamQuerySchema = z.strictObject({ teamId: uuid.optional() }).meta({ id: "TeamQuery" });
