import axe from "axe-core";
import type { Page } from "playwright-core";
import { SCREENS_DIR } from "./browser.ts";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page as it is and returns the violations, described. axe is evaluated
 * through the DevTools protocol, which the page's content security policy does not block.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const runner = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await runner.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
  });
  return violations.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Takes a full-page screenshot named for the step, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = `${SCREENS_DIR}/${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
