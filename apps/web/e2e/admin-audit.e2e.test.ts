import type { Person } from "@family-story/schemas";
import { describe, expect, it } from "vitest";
import { AdminUsersPage } from "./pages/admin-users-page.ts";
import { AuditPages } from "./pages/audit-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { expectLocator } from "./support/locator-expect.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { apiSignIn } from "./support/api-session.ts";

const session = setUpE2eSession(300);

describe("administration and audit", () => {
  it("explains a wrong password on the sign-in page", async () => {
    const watched = await session.openWatched();
    const signIn = new SignInPage(watched.page);
    await signIn.open();
    await watched.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expectLocator(signIn.errorSummary()).toContainText("Enter your username");
    await watched.page.getByLabel("Username").fill("admin.wcc");
    await watched.page.getByLabel("Password").fill("not-the-password");
    await watched.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expectLocator(signIn.errorSummary()).toContainText(/password/i);
    expect(await watched.page.title()).toMatch(/^Error: Sign in/);
    expect(await signIn.audit("00-sign-in-error")).toEqual([]);
  });

  it("lets an administrator add a user, who can then sign in", async () => {
    const { page } = await session.signedInPage("admin.wcc");
    const admin = new AdminUsersPage(page);
    await admin.waitForHeading("Welcome, Amara Okafor");
    expect(await admin.audit("11-home-administrator")).toEqual([]);
    await admin.open();
    expect(await admin.audit("12-admin-users")).toEqual([]);
    await admin.startAdding();
    await admin.save();
    await expectLocator(admin.errorSummary()).toContainText("Use 3 to 60 lower-case letters");
    expect(await admin.audit("13-admin-add-user-errors")).toEqual([]);

    await admin.fill({ username: "new.worker", displayName: "Nadia Worker", email: "nadia@example.org", role: "Practitioner", team: "Locality Social Work North", password: "a-long-enough-password" });
    await admin.save();
    await admin.waitForHeading("Users");
    await expectLocator(admin.row("new.worker")).toContainText("Nadia Worker");
    expect(await admin.audit("14-admin-user-added")).toEqual([]);

    const newcomer = await apiSignIn(session.url, "new.worker", "a-long-enough-password");
    expect(newcomer.user.role).toBe("practitioner");

    // Deactivate the account: it can no longer sign in.
    await admin.row("new.worker").getByRole("link", { name: "Change Nadia Worker" }).click();
    await admin.waitForHeading("Change Nadia Worker");
    await page.getByLabel("Active").uncheck();
    expect(await admin.audit("14b-admin-change-user")).toEqual([]);
    await admin.save();
    await admin.waitForHeading("Users");
    await expectLocator(admin.row("new.worker")).toContainText("Deactivated");
    await expect(apiSignIn(session.url, "new.worker", "a-long-enough-password")).rejects.toThrow(/401/);

    // The other administration pages pass axe too.
    await page.getByRole("link", { name: "Administration" }).click();
    await admin.waitForHeading("Administration");
    expect(await admin.audit("14c-admin-home")).toEqual([]);
    await page.getByRole("link", { name: "Teams", exact: true }).click();
    await admin.waitForHeading("Teams");
    expect(await admin.audit("14d-admin-teams")).toEqual([]);
    await page.goto("/admin/organisations");
    await admin.waitForHeading("Organisations");
    expect(await admin.audit("14e-admin-organisations")).toEqual([]);
    await page.goto("/admin/shared-services");
    await admin.waitForHeading("Shared services");
    await page.locator("main h2").first().waitFor();
    expect(await admin.audit("14f-admin-shared-services")).toEqual([]);
  });

  it("lets an auditor read a person's access history and check the log", async () => {
    const practitioner = await apiSignIn(session.url, "sw.wcc");
    const found = await practitioner.call<{ results: { id: string; name: string }[] }>("GET", "/api/v1/people?q=Smith");
    const target = found.body.results[0];
    if (!target) throw new Error("The demo borough has no Smith to open");
    const opened = await practitioner.call<Person>("GET", `/api/v1/people/${target.id}?reason=Strategy%20discussion`);
    expect(opened.status).toBe(200);

    const { page } = await session.signedInPage("auditor.wcc");
    const audit = new AuditPages(page);
    await audit.openLog();
    expect(await audit.audit("15-audit-log")).toEqual([]);
    await audit.openPersonHistory(target.id);
    await expectLocator(audit.events().filter({ hasText: "Sam Whitfield" }).first()).toBeVisible();
    await expectLocator(audit.events().filter({ hasText: "Strategy discussion" })).toHaveCount(1);
    expect(await audit.audit("16-audit-person-history")).toEqual([]);

    const results = await audit.verify();
    await expectLocator(results).toContainText("Intact");
    expect(await audit.audit("17-audit-verify")).toEqual([]);
  });
});
