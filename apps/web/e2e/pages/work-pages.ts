import type { Locator } from "playwright-core";
import { BasePage } from "./base-page.ts";

/** The work tray: My work and, for managers, Team. */
export class WorkTrayPage extends BasePage {
  async open(tab: "mine" | "team" = "mine"): Promise<void> {
    await this.page.goto(tab === "team" ? "/work?tab=team" : "/work");
    await this.waitForHeading(tab === "team" ? "Team work" : "My work");
    await this.page.locator("[data-testid=tray-counts]").waitFor();
  }

  caseRow(childName: string): Locator {
    return this.page.getByTestId("tray-case").filter({ hasText: childName });
  }

  async allocate(childName: string): Promise<void> {
    await this.caseRow(childName).getByRole("link", { name: /^(Allocate|Reallocate)/ }).click();
    await this.waitForHeading(/Allocate the case|Reallocate the case/);
  }

  async openCase(childName: string): Promise<void> {
    await this.caseRow(childName).getByRole("link", { name: childName }).click();
  }
}

/** Allocating a case: choose a worker (with their caseload) and save. */
export class AllocatePage extends BasePage {
  async choose(workerName: string): Promise<void> {
    await this.page.getByLabel(new RegExp(`^${workerName} \\(`)).check();
    await this.page.getByRole("button", { name: "Allocate" }).click();
  }
}

/** The case page with its notes. */
export class CasePage extends BasePage {
  summaryValue(key: string): Locator {
    return this.page.locator(".govuk-summary-list__row", { has: this.page.locator("dt", { hasText: key }) }).locator("dd");
  }

  notes(): Locator {
    return this.page.getByTestId("case-note");
  }

  async addNote(values: { date: string; type: string; present: string; seen: boolean; alone: boolean; body: string }): Promise<void> {
    await this.page.getByRole("link", { name: "Add a case note" }).click();
    await this.waitForHeading("Add a case note");
    await this.page.getByLabel("Date").fill(values.date);
    await this.page.getByLabel("Type of note").selectOption({ label: values.type });
    await this.page.getByLabel("Who was present (optional)").fill(values.present);
    await this.page.getByRole("group", { name: /Was the child seen\?/ }).getByLabel(values.seen ? "Yes" : "No").check();
    if (values.seen) await this.page.getByRole("group", { name: "Was the child seen alone?" }).getByLabel(values.alone ? "Yes" : "No").check();
    await this.page.getByLabel("Note", { exact: true }).fill(values.body);
  }

  async saveNote(): Promise<void> {
    await this.page.getByRole("button", { name: "Save note" }).click();
  }
}

/** A case note with its history, and the amend form. */
export class CaseNotePage extends BasePage {
  versions(): Locator {
    return this.page.getByTestId("note-version");
  }

  async amend(body: string, reason: string): Promise<void> {
    await this.page.getByRole("link", { name: "Amend this note" }).click();
    await this.waitForHeading("Amend a case note");
    await this.page.getByLabel("Note", { exact: true }).fill(body);
    await this.page.getByLabel("Reason for the amendment").fill(reason);
    await this.page.getByRole("button", { name: "Save amendment" }).click();
  }
}

/** A child's chronology. */
export class ChronologyPage extends BasePage {
  async open(personId: string): Promise<void> {
    await this.page.goto(`/people/${personId}/chronology`);
    await this.page.getByTestId("chronology-table").or(this.page.getByText("Nothing recorded")).first().waitFor();
  }

  entries(): Locator {
    return this.page.getByTestId("chronology-entry");
  }

  async filter(types: string[], from: string, to: string): Promise<void> {
    for (const t of types) await this.page.getByLabel(new RegExp(`^${t} \\(`)).check();
    await this.page.getByLabel("From").fill(from);
    await this.page.getByLabel("To", { exact: true }).fill(to);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
    await this.page.waitForURL(/types=/);
  }
}

/** Team supervision and recording a session. */
export class SupervisionPages extends BasePage {
  async openTeam(): Promise<void> {
    await this.page.goto("/supervision");
    await this.waitForHeading("Team supervision");
    await this.page.getByTestId("supervision-worker").first().waitFor();
  }

  worker(name: string): Locator {
    return this.page.getByTestId("supervision-worker").filter({ hasText: name });
  }

  async record(workerName: string, date: string, reflections: string, caseLabel: string, caseNote: string, action: { title: string; due: string }): Promise<void> {
    await this.worker(workerName).getByRole("link", { name: /^Record/ }).click();
    await this.waitForHeading("Record supervision");
    await this.page.getByLabel("Date of supervision").fill(date);
    await this.page.getByLabel("Reflections").fill(reflections);
    await this.page.getByLabel(caseLabel).check();
    await this.page.getByLabel(/^What was agreed for/).fill(caseNote);
    await this.page.getByLabel("Action 1").fill(action.title);
    // The action is about the case discussed (the demo caseload gives the worker others too).
    const caseSelect = this.page.getByLabel("Case (optional)");
    const label = await caseSelect.locator("option", { hasText: caseLabel }).first().textContent();
    await caseSelect.selectOption({ label: label ?? "" });
    await this.page.getByLabel("Due date").fill(action.due);
    await this.page.getByRole("button", { name: "Save supervision" }).click();
  }
}

/** The local standards settings page. */
export class LocalStandardsPage extends BasePage {
  async open(): Promise<void> {
    await this.page.goto("/admin/local-standards");
    await this.waitForHeading("Local standards");
  }

  field(label: RegExp): Locator {
    return this.page.getByLabel(label);
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save standards" }).click();
  }
}
