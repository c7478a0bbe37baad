import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** Administration: the users list and the add-user form. */
export class AdminUsersPage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/admin/users");
    await this.waitForHeading("Users");
  }

  async startAdding(): Promise<void> {
    await this.page.getByRole("link", { name: "Add a user" }).click();
    await this.waitForHeading("Add a user");
  }

  async fill(values: { username: string; displayName: string; email: string; role: string; team: string; password: string }): Promise<void> {
    await this.page.getByLabel("Username").fill(values.username);
    await this.page.getByLabel("Full name").fill(values.displayName);
    await this.page.getByLabel("Email address (optional)").fill(values.email);
    await this.page.getByLabel("Role").selectOption({ label: values.role });
    await this.page.getByLabel("Team").selectOption({ label: values.team });
    await this.page.getByLabel("Password (optional)").fill(values.password);
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save" }).click();
  }

  errorSummary(): Locator {
    return this.page.locator(".govuk-error-summary");
  }

  row(username: string): Locator {
    return this.page.getByTestId("users").locator("tr", { has: this.page.locator("td", { hasText: username }) });
  }
}
