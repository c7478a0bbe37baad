import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** A social care case page's CIN/CP section and the step forms it links to. */
export class SocialCarePage extends BasePage {
  async openCase(caseId: string, childName: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}`);
    await this.waitForHeading(childName);
    await this.section().locator("table").waitFor();
  }

  section(): Locator {
    return this.page.locator("section[aria-labelledby=social-care-heading]");
  }

  timeline(): Locator {
    return this.section().locator("table tbody");
  }

  /** What is due on the case: the case page's "Work on this case" table. */
  due(): Locator {
    return this.page.locator("table.app-work-items");
  }

  /** Follows a "Record the next step" link and waits for its form. */
  async startStep(title: string): Promise<void> {
    await this.section().getByRole("link", { name: title, exact: true }).click();
    await this.waitForHeading(title);
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async choose(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  /** Saves the form and waits to be back on the case page with the success banner. */
  async save(button: string, childName: string): Promise<void> {
    await this.page.getByRole("button", { name: button }).click();
    await this.waitForHeading(childName);
    await this.page.locator(".govuk-notification-banner--success").waitFor();
    await this.section().locator("table").waitFor();
  }

  errorSummary(): Locator {
    return this.page.locator(".govuk-error-summary");
  }
}
