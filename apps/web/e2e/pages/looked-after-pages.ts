import type { Download, Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** A child's looked-after record and the IRO's review pages, with the forms they link to. */
export class LookedAfterPages extends BasePage {
  async openRecord(personId: string, childName: string): Promise<void> {
    await this.page.goto(`/people/${personId}/looked-after`);
    await this.waitForHeading(childName);
  }

  async openReviews(personId: string): Promise<void> {
    await this.page.goto(`/people/${personId}/looked-after/reviews`);
    await this.page.getByRole("heading", { name: "Reviews", exact: true }).waitFor();
  }

  /** The episodes table under the timeline (the chart's text alternative). */
  episodes(): Locator {
    return this.page.locator("table", { has: this.page.locator("caption", { hasText: "Episodes (SSDA903)" }) }).locator("tbody tr");
  }

  reviewRows(): Locator {
    return this.page.getByTestId("lac-reviews").locator("tbody tr");
  }

  /** Follows a link or button-styled link and waits for the form's heading. */
  async follow(name: string, heading: string = name): Promise<void> {
    await this.page.getByRole("link", { name, exact: true }).click();
    await this.waitForHeading(heading);
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async select(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }

  async choose(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  /** Submits the form and waits for the page it returns to, with the success banner. */
  async save(button: string, heading: string | RegExp): Promise<void> {
    await this.page.getByRole("button", { name: button, exact: true }).click();
    await this.waitForHeading(heading);
    await this.page.locator(".govuk-notification-banner--success").waitFor();
  }

  errorSummary(): Locator {
    return this.page.locator(".govuk-error-summary");
  }

  /** Clicks the letter's PDF link and returns the download. */
  async downloadLetter(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: "Download letter (PDF)" }).click()]);
    return download;
  }
}
