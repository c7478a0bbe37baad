import type { Download, Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** Strategy and scrutiny: strategies, an action's progress, the "what we said / what we did" report and a committee. */
export class GovernancePages extends BasePage {
  async openHome(): Promise<void> {
    // The service navigation's link: pages under it also have a back link of the same name.
    await this.page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Strategy and scrutiny", exact: true }).click();
    await this.waitForHeading("Strategy and scrutiny");
  }

  /** Opens a strategy from the home page's table by its title and period. */
  async openStrategy(name: string): Promise<void> {
    await this.page.getByTestId("strategies").getByRole("link", { name, exact: true }).click();
    await this.waitForHeading(name);
  }

  async openAction(title: string): Promise<void> {
    await this.page.getByRole("link", { name: title, exact: true }).click();
    await this.waitForHeading(title);
  }

  /** Records progress on the open action: the status (by its label) and a note. */
  async recordProgress(status: "Not started" | "In progress" | "Complete", note: string): Promise<void> {
    await this.page.getByLabel(status, { exact: true }).check();
    await this.page.getByLabel("What has been done", { exact: true }).fill(note);
    await this.page.getByRole("button", { name: "Save progress" }).click();
    await this.page.getByText("Progress recorded.").waitFor();
  }

  status(): Locator {
    return this.page.getByTestId("action-status");
  }

  history(): Locator {
    return this.page.getByTestId("progress-history").locator("li");
  }

  async openReport(): Promise<void> {
    await this.page.getByRole("link", { name: "What we said and what we did", exact: true }).click();
    await this.waitForHeading("What we said and what we did");
  }

  chart(): Locator {
    return this.page.getByTestId("status-chart");
  }

  counts(): Locator {
    return this.page.getByTestId("status-counts");
  }

  summary(): Locator {
    return this.page.getByTestId("report-summary");
  }

  async downloadCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("report-csv").click()]);
    return download;
  }

  async openCommittee(name: string): Promise<void> {
    await this.page.getByTestId("committees").getByRole("link", { name: new RegExp(`^${name}`) }).click();
    await this.waitForHeading(name);
  }
}
