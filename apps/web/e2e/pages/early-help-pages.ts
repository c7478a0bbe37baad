import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** An early help case page's episode section and the forms it links to. */
export class EarlyHelpPage extends BasePage {
  async openCase(caseId: string, title: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}`);
    await this.waitForHeading(title);
    await this.section().locator("dl").first().waitFor();
  }

  section(): Locator {
    return this.page.locator("section[aria-labelledby=early-help-heading]");
  }

  nextReviewDue(): Locator {
    return this.page.getByTestId("next-review-due");
  }

  closure(): Locator {
    return this.page.getByTestId("closure");
  }

  /** Follows a link in the episode and waits for the page it opens. */
  async follow(link: string, heading: string): Promise<void> {
    await this.section().getByRole("link", { name: link }).first().click();
    await this.waitForHeading(heading);
  }

  /** Presses a button in the episode (send for authorisation) and waits for the status it leads to. */
  async press(button: string, expectText: string): Promise<void> {
    await this.section().getByRole("button", { name: button }).click();
    await this.section().getByText(expectText).first().waitFor();
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  /** Fills a field in one family member's part of the assessment. */
  async fillFor(member: string, label: string, value: string): Promise<void> {
    await this.page.getByRole("group", { name: member }).getByLabel(label, { exact: true }).fill(value);
  }

  async choose(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async select(label: string, option: string | RegExp): Promise<void> {
    const box = this.page.getByLabel(label, { exact: true });
    const options = await box.locator("option").allTextContents();
    const match = options.find((o) => (typeof option === "string" ? o === option : option.test(o)));
    if (match === undefined) throw new Error(`No option ${String(option)} in ${label}: ${options.join(" | ")}`);
    await box.selectOption({ label: match });
  }

  /** Saves a form and waits to be back on the case with the success banner. */
  async save(button: string, title: string): Promise<void> {
    await this.page.getByRole("button", { name: button }).click();
    await this.waitForHeading(title);
    await this.page.locator(".govuk-notification-banner--success").waitFor();
    await this.section().locator("dl").first().waitFor();
  }

  knownFacts(): Locator {
    return this.page.getByTestId("known-facts");
  }
}
