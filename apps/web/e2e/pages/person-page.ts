import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** A person's record. */
export class PersonPage extends BasePage {
  async open(id: string): Promise<void> {
    await this.page.goto(`/people/${id}`);
    await this.heading().waitFor({ timeout: 15_000 });
  }

  summaryValue(label: string): Locator {
    return this.page.getByTestId("person-summary").locator(".govuk-summary-list__row", { has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  }

  diagram(): Locator {
    return this.page.getByTestId("family-diagram");
  }

  diagramNodes(type: string): Locator {
    return this.diagram().getByTestId(`genogram-node-${type}`);
  }

  familyTable(): Locator {
    return this.page.getByTestId("family-table");
  }

  async showFamilyTable(): Promise<void> {
    await this.page.getByText("Family diagram as a table").click();
    await this.familyTable().waitFor();
  }

  addressTimeline(): Locator {
    return this.page.getByTestId("address-timeline");
  }

  async changeDetails(): Promise<void> {
    await this.page.getByRole("link", { name: "Change details" }).click();
    await this.waitForHeading("Change details");
  }

  successBanner(): Locator {
    return this.page.locator(".govuk-notification-banner--success");
  }

  refusal(): Locator {
    return this.page.locator("main h1", { hasText: "You cannot open this record" });
  }
}
