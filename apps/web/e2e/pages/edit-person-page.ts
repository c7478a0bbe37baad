import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** Change a person's details, including the conflict message after a stale save. */
export class EditPersonPage extends BasePage {
  async setField(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async selectOption(label: string, optionLabel: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: optionLabel });
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: /^Save/ }).click();
  }

  conflict(): Locator {
    return this.page.getByTestId("conflict-message");
  }

  conflictChanges(): Locator {
    return this.page.getByTestId("conflict-changes").locator("li");
  }

  fieldValue(label: string): Promise<string> {
    return this.page.getByLabel(label, { exact: true }).inputValue();
  }
}
