import type { Download, Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** The statutory returns pages: prepare a return from the records, and check a file in the browser. */
export class ReturnsPages extends BasePage {
  async openHome(): Promise<void> {
    await this.page.getByRole("link", { name: "Returns", exact: true }).click();
    await this.waitForHeading("Statutory returns");
  }

  async follow(name: string, heading: string = name): Promise<void> {
    await this.page.getByRole("link", { name, exact: true }).click();
    await this.waitForHeading(heading);
  }

  /** Chooses the return, authority (by name) and year (by its start), and prepares it. */
  async prepare(kind: "SSDA903, children looked after" | "CIN census, children in need", authority: string, year: number): Promise<void> {
    await this.page.getByLabel(kind, { exact: true }).check();
    await this.page.getByLabel("Local authority", { exact: true }).selectOption({ label: authority });
    await this.page.getByLabel("Year", { exact: true }).selectOption(String(year));
    await this.page.getByRole("button", { name: "Prepare return" }).click();
    await this.run().waitFor({ timeout: 60_000 });
  }

  run(): Locator {
    return this.page.getByTestId("return-run");
  }

  runHeading(): Locator {
    return this.page.locator("#run-title");
  }

  /** The expandable section of one rule's findings. */
  rule(code: string): Locator {
    return this.page.locator(`details[data-rule="${code}"]`);
  }

  rules(): Locator {
    return this.page.locator("details[data-rule]");
  }

  files(): Locator {
    return this.page.getByTestId("return-files").locator("a");
  }

  /** Clicks a link that downloads and returns the download. */
  async download(link: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    return download;
  }

  /** On the check page: picks the return kind and files, fills year and authority (903), and checks. */
  async checkFiles(kind: "SSDA903, children looked after" | "CIN census, children in need", files: string[], year?: number, la?: string): Promise<void> {
    await this.page.getByLabel(kind, { exact: true }).check();
    await this.page.getByLabel("Files", { exact: true }).setInputFiles(files);
    if (year !== undefined) await this.page.getByLabel("Collection year", { exact: true }).fill(String(year));
    if (la !== undefined) await this.page.getByLabel("Local authority code", { exact: true }).fill(la);
    await this.page.getByRole("button", { name: "Check files" }).click();
  }

  checkHeading(): Locator {
    return this.page.locator("#check-result");
  }
}
