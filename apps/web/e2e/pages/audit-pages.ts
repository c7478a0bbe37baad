import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** The auditor's pages: the log, a person's access history, chain verification. */
export class AuditPages extends BasePage {
  async openLog(): Promise<void> {
    await this.page.goto("/audit");
    await this.waitForHeading("Audit log");
  }

  async openPersonHistory(personId: string): Promise<void> {
    await this.page.getByRole("link", { name: "A person's access history" }).click();
    await this.waitForHeading("A person's access history");
    await this.page.getByLabel("Person record ID").fill(personId);
    await this.page.getByRole("button", { name: "Show access history" }).click();
    await this.waitForHeading("Access history");
    await this.events().first().waitFor({ timeout: 15_000 });
  }

  events(): Locator {
    return this.page.getByTestId("audit-events").locator("tbody tr");
  }

  async verify(): Promise<Locator> {
    await this.page.goto("/audit/verify");
    await this.waitForHeading("Check the audit log is intact");
    await this.page.getByRole("button", { name: "Check now" }).click();
    const results = this.page.getByTestId("verify-results");
    await results.waitFor({ timeout: 30_000 });
    return results;
  }
}
