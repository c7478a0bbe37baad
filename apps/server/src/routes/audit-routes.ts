import { auditListSchema, auditQuerySchema, auditVerifySchema } from "@family-story/schemas";
import { z } from "zod";
import { defineRoute } from "../http/route.ts";

/** The audit log for auditors: search (itself audited) and hash-chain verification. */
export const auditRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/audit",
    summary: "Search the audit log of your authorities, newest first; filter by personId for a person's access history (the search is audited)",
    tag: "Audit",
    auth: "session",
    permission: "audit:read",
    query: auditQuerySchema,
    response: auditListSchema,
    handler: ({ data, query }) => data.auditLog.search(query),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/audit/verify",
    summary: "Check each authority's audit hash chain and report the first broken link",
    tag: "Audit",
    auth: "session",
    permission: "audit:verify",
    response: z.array(auditVerifySchema),
    handler: ({ data }) => data.auditLog.verify(),
  }),
];
