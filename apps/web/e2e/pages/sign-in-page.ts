import { BasePage } from "./base-page.ts";

/** The sign-in page. */
export class SignInPage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/sign-in");
    await this.waitForHeading("Sign in to Family Story");
  }

  demoAccounts() {
    return this.page.getByTestId("demo-accounts");
  }

  async signIn(username: string, password = "family-story-demo"): Promise<void> {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await this.headerUser().waitFor({ timeout: 15_000 });
  }

  /** Signs in using only the keyboard: Tab to each field, type, Enter to submit. */
  async signInByKeyboard(username: string, password = "family-story-demo"): Promise<void> {
    const keyboard = this.page.keyboard;
    await this.tabTo("username");
    await keyboard.type(username);
    await keyboard.press("Tab");
    await keyboard.type(password);
    await keyboard.press("Enter");
    await this.headerUser().waitFor({ timeout: 15_000 });
  }

  /** Presses Tab until the element with this id has focus (as a keyboard user would). */
  async tabTo(id: string, maxPresses = 15): Promise<void> {
    for (let i = 0; i < maxPresses; i++) {
      await this.page.keyboard.press("Tab");
      if ((await this.page.evaluate(() => document.activeElement?.id)) === id) return;
    }
    throw new Error(`Tab never reached #${id}`);
  }

  errorSummary() {
    return this.page.locator(".govuk-error-summary");
  }
}
