import type { Locator, Page } from "playwright-core";
import { axeViolations, screenshot } from "../support/axe.ts";

/** What every page object shares: the main heading, the header, axe and screenshots. */
export class BasePage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.locator("main h1");
  }

  /** Waits for the page's h1 to read the given text. */
  async waitForHeading(text: string | RegExp): Promise<void> {
    await this.page.locator("main h1", { hasText: text }).first().waitFor({ state: "visible", timeout: 15_000 });
  }

  headerUser(): Locator {
    return this.page.getByTestId("header-user");
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.waitForHeading("Sign in to Family Story");
  }

  /** Runs axe-core and takes a screenshot; returns the violations (expected to be none). */
  async audit(name: string): Promise<string[]> {
    await this.page.waitForLoadState("networkidle");
    const violations = await axeViolations(this.page);
    await screenshot(this.page, name);
    return violations;
  }
}
