import { ROLES } from "@family-story/domain";
import { z } from "zod";

export const loginBodySchema = z
  .strictObject({
    username: z.string().trim().min(1, { message: "Enter your username" }).max(100),
    password: z.string().min(1, { message: "Enter your password" }).max(1000),
  })
  .meta({ id: "LoginBody" });
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    laCode: z.string(),
    laName: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    permissions: z.array(z.string()).describe("Actions this user may take, for showing and hiding controls"),
    csrfToken: z.string().describe("Send back as the x-csrf-token header on every change"),
  })
  .meta({ id: "SessionUser" });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const authConfigSchema = z
  .object({
    oidcEnabled: z.boolean(),
    oidcLabel: z.string().nullable(),
    demo: z.boolean(),
    demoAccounts: z.array(z.object({ username: z.string(), description: z.string() })).describe("Demo mode only: the demo accounts to try"),
  })
  .meta({ id: "AuthConfig" });
export type AuthConfig = z.infer<typeof authConfigSchema>;
