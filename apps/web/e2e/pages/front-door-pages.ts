import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** A partner's request for support form. */
export class RequestSupportPage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/requests/new");
    await this.waitForHeading("Request support for a family");
  }

  async fillChild(givenName: string, familyName: string, dob: string): Promise<void> {
    await this.page.locator("#children-0-givenName").fill(givenName);
    await this.page.locator("#children-0-familyName").fill(familyName);
    await this.page.locator("#children-0-dob").fill(dob);
  }

  async fillConcerns(concerns: string): Promise<void> {
    await this.page.getByLabel("What are you worried about?").fill(concerns);
  }

  /** Answers both consent questions: the first radio of each group is "Yes". */
  async consentToAll(): Promise<void> {
    await this.page.locator("#consentSharing").check();
    await this.page.locator("#consentEarlyHelp").check();
  }

  async send(): Promise<void> {
    await this.page.getByRole("button", { name: "Send request", exact: true }).click();
  }

  errorSummary(): Locator {
    return this.page.locator(".govuk-error-summary");
  }
}

/** A partner's list of their requests for support. */
export class MyRequestsPage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/requests");
    await this.waitForHeading("Your requests for support");
  }

  row(childName: string): Locator {
    return this.page.getByTestId("my-requests").locator("tbody tr", { hasText: childName });
  }
}

/** The front-door queue. */
export class FrontDoorQueuePage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/front-door");
    await this.waitForHeading("Front door: contacts awaiting a decision");
  }

  row(childName: string): Locator {
    return this.page.getByTestId("front-door-queue").locator("tbody tr", { hasText: childName });
  }

  async openContact(childName: string): Promise<void> {
    await this.row(childName).getByRole("link").first().click();
    await this.waitForHeading(childName);
  }
}

/** One contact: its children and the decision. */
export class ContactPage extends BasePage {
  async searchChild(name: string): Promise<void> {
    await this.page.getByLabel("Find a child to link").fill(name);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await this.page.getByTestId("child-search-results").waitFor({ timeout: 15_000 });
  }

  async linkChild(name: string): Promise<void> {
    await this.page.getByTestId("child-search-results").getByRole("button", { name: `Link ${name}` }).click();
    await this.linkedChildren().getByRole("link", { name, exact: true }).waitFor({ timeout: 15_000 });
  }

  linkedChildren(): Locator {
    return this.page.getByTestId("linked-children");
  }

  async decide(decision: string, level: string, reasons: string): Promise<void> {
    await this.page.getByLabel(decision, { exact: true }).check();
    await this.page.getByLabel(level).check();
    await this.page.getByLabel("Reasons for the decision").fill(reasons);
    await this.page.getByRole("button", { name: "Record decision", exact: true }).click();
    await this.decisionSummary().waitFor({ timeout: 15_000 });
  }

  decisionSummary(): Locator {
    return this.page.getByTestId("decision-summary");
  }

  dueText(): Locator {
    return this.page.getByTestId("due-text");
  }
}
