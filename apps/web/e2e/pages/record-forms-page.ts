import { BasePage } from "./base-page.ts";

/** The forms that add to the record: a new person, an address, a relationship. */
export class RecordFormsPage extends BasePage {
  async openNewPerson(): Promise<void> {
    await this.page.getByRole("link", { name: "Record a new person" }).first().click();
    await this.waitForHeading("Record a new person");
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

  async press(button: string): Promise<void> {
    await this.page.getByRole("button", { name: button, exact: true }).click();
  }

  async follow(link: string, heading: string): Promise<void> {
    await this.page.getByRole("link", { name: link, exact: true }).click();
    await this.waitForHeading(heading);
  }

  errorSummary() {
    return this.page.locator(".govuk-error-summary");
  }
}
