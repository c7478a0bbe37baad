import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** The figures pages of the Outcomes area: enter or correct one figure, import a CSV file and follow the job. */
export class FigurePages extends BasePage {
  async openEntry(measure: string, la: string): Promise<void> {
    await this.page.goto(`/outcomes/figures/new?measure=${measure}&la=${la}`);
    await this.waitForHeading("Enter a figure");
    await this.figureList().waitFor({ timeout: 15_000 });
  }

  figureList(): Locator {
    return this.page.getByTestId("figure-list");
  }

  /** Types into a labelled field, replacing what is there. */
  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save figure" }).click();
  }

  errorSummary(): Locator {
    return this.page.locator(".govuk-error-summary");
  }

  successBanner(): Locator {
    return this.page.locator(".govuk-notification-banner--success");
  }

  /** Starts correcting the figure held for the period whose row reads `period`. */
  async change(period: string): Promise<void> {
    await this.figureList().getByRole("button", { name: `Change the figure for ${period}` }).click();
  }

  async openImport(): Promise<void> {
    await this.page.goto("/outcomes/figures/import");
    await this.waitForHeading("Import figures");
  }

  /** Chooses a CSV file made of `text` and starts the import; waits for the job to finish. */
  async importCsv(name: string, text: string): Promise<void> {
    await this.page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
    await this.page.getByRole("button", { name: "Import figures" }).click();
    await this.waitForHeading(`Figures import: ${name}`);
    await this.page.getByTestId("import-summary").waitFor({ timeout: 30_000 });
  }

  summaryValue(label: string): Locator {
    return this.page.getByTestId("import-summary").locator(".govuk-summary-list__row", { hasText: label }).locator("dd");
  }

  problemRows(): Locator {
    return this.page.getByTestId("import-problems").locator("tbody tr");
  }
}
