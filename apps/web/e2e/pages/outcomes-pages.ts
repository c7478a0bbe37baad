import type { Download, Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** The Outcomes area: dashboards of measure cards, a measure's page and the children behind it. */
export class OutcomesPages extends BasePage {
  /** Opens the leaders' dashboard from the service navigation. */
  async openFromNav(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Outcomes", exact: true }).click();
    await this.waitForHeading(/Children and young people's plan/i);
    await this.cards().first().waitFor({ timeout: 30_000 });
  }

  cards(): Locator {
    return this.page.getByTestId("measure-card");
  }

  /** One measure's card on a dashboard, by its id. */
  card(measureId: string): Locator {
    return this.page.locator(`[data-testid="measure-card"][data-measure="${measureId}"]`);
  }

  ragSummary(): Locator {
    return this.page.getByTestId("rag-summary");
  }

  /** Opens a measure from its card's title link using the keyboard only (focus, then Enter). */
  async openMeasureByKeyboard(measureId: string): Promise<void> {
    const link = this.card(measureId).getByRole("link").first();
    const title = ((await link.textContent()) ?? "").trim();
    await link.focus();
    await this.page.keyboard.press("Enter");
    await this.waitForHeading(title);
    await this.page.getByTestId("measure-definition").waitFor({ timeout: 30_000 });
  }

  /** The data points of the chart on the page, each focusable with its own label. */
  trendPoints(): Locator {
    return this.page.getByTestId("trend-point");
  }

  trendTable(): Locator {
    return this.page.getByTestId("trend-table");
  }

  async openChildren(): Promise<void> {
    await this.page.getByTestId("drill-down").click();
    await this.waitForHeading("Children behind the number");
    await this.page.getByTestId("subjects-summary").waitFor({ timeout: 30_000 });
  }

  async showDenominator(): Promise<void> {
    await this.page.getByRole("link", { name: "Show the children counted in the denominator" }).click();
    await this.page.getByTestId("subjects-summary").filter({ hasText: "counted in the denominator" }).waitFor({ timeout: 30_000 });
  }

  subjectsTable(): Locator {
    return this.page.getByTestId("subjects-table");
  }

  /** Clicks a link that downloads and returns the download. */
  async download(testId: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId(testId).click()]);
    return download;
  }
}
