import type { Locator } from "playwright-core";

const TIMEOUT = 10_000;

async function until(check: () => Promise<boolean>, describe: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(await describe());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function matches(text: string, expected: string | RegExp, whole: boolean): boolean {
  if (typeof expected !== "string") return expected.test(text);
  const clean = text.replace(/\s+/g, " ").trim();
  return whole ? clean === expected : clean.includes(expected);
}

async function allText(locator: Locator): Promise<string> {
  return (await locator.allTextContents()).join(" | ");
}

/**
 * Retrying assertions on a Playwright locator (playwright-core has no test runner), for use
 * under Vitest: each waits up to ten seconds for the page to settle before failing.
 */
export function expectLocator(locator: Locator) {
  return {
    toBeVisible: () => until(() => locator.first().isVisible(), () => Promise.resolve(`Expected ${String(locator)} to be visible`)),
    toHaveCount: (n: number) => until(async () => (await locator.count()) === n, async () => `Expected ${String(locator)} to have ${n} matches, found ${await locator.count()}`),
    toContainText: (expected: string | RegExp) => until(async () => matches(await allText(locator), expected, false), async () => `Expected ${String(locator)} to contain ${String(expected)}; it reads: ${await allText(locator)}`),
    notToContainText: (expected: string) => until(async () => !matches(await allText(locator), expected, false), () => Promise.resolve(`Expected ${String(locator)} not to contain ${expected}`)),
    toHaveText: (expected: string) => until(async () => matches(await allText(locator), expected, true), async () => `Expected ${String(locator)} to read ${expected}; it reads: ${await allText(locator)}`),
    toHaveAttribute: (name: string, value: string) => until(async () => (await locator.getAttribute(name)) === value, () => Promise.resolve(`Expected ${String(locator)} to have ${name}="${value}"`)),
  };
}
