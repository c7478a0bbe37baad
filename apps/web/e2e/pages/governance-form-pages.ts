import type { Locator } from "playwright-core";
import { GovernancePages } from "./governance-pages.ts";

/** The governance forms: adding and changing actions, and running a committee's trackers. */
export class GovernanceFormPages extends GovernancePages {
  /** Follows a link by its accessible name and waits for the page it opens. */
  async follow(link: string | RegExp, heading: string): Promise<void> {
    await this.page.getByRole("link", { name: link, exact: typeof link === "string" ? true : undefined }).first().click();
    await this.waitForHeading(heading);
  }

  /** Submits the open form with its button. */
  async submit(button: string): Promise<void> {
    await this.page.getByRole("button", { name: button, exact: true }).click();
  }

  /** The error summary's messages. */
  errorSummary(): Locator {
    return this.page.locator(".govuk-error-summary__list li");
  }

  /** The success banner a save leaves on the page it goes to. */
  flash(): Locator {
    return this.page.locator(".govuk-notification-banner--success");
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  /** Narrows the measure picker by title and ticks the measure by its title, with the keyboard. */
  async chooseMeasure(filter: string, title: string): Promise<void> {
    await this.page.getByLabel("Find a measure", { exact: true }).fill(filter);
    const box = this.page.getByTestId("measure-picker").getByLabel(title, { exact: true });
    await box.focus();
    await this.page.keyboard.press("Space");
  }

  chosenMeasures(): Locator {
    return this.page.getByTestId("measure-picker").locator("input:checked");
  }

  recommendationTracker(): Locator {
    return this.page.getByTestId("recommendation-tracker");
  }

  workProgramme(): Locator {
    return this.page.getByTestId("work-programme");
  }
}
