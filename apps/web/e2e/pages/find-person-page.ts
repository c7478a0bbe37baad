import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** Find a person: search form and result cards. */
export class FindPersonPage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/people");
    await this.waitForHeading("Find a person");
  }

  async search(name: string, extra: { dob?: string; postcode?: string } = {}): Promise<void> {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    if (extra.dob) await this.page.getByLabel("Date of birth (optional)").fill(extra.dob);
    if (extra.postcode) await this.page.getByLabel("Postcode (optional)").fill(extra.postcode);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await this.page.locator("#results-heading").waitFor({ timeout: 15_000 });
  }

  results(): Locator {
    return this.page.getByTestId("search-results").locator("li.app-result");
  }

  result(name: string): Locator {
    return this.results().filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async openResult(name: string): Promise<void> {
    await this.result(name).getByRole("link", { name, exact: true }).click();
    await this.waitForHeading(name);
  }
}
