import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const SCREENS_DIR = process.env.E2E_SCREENS_DIR ?? "/tmp/screens";

/** Debian's Chromium, headless, with nothing phoning home. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/** A page in a fresh context (own cookies), collecting CSP violations and script errors. */
export interface WatchedPage {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

/** Opens a page whose console errors and content-security-policy violations are recorded. */
export async function openPage(browser: Browser, baseURL: string): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    // A 4xx answer the page handles (404 for a record not shared, 412 conflict) is logged by
    // Chromium as a failed resource; that is expected, anything else is a fault.
    if (message.type() === "error" && !/status of 4\d\d/.test(text)) problems.push(text);
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems, close: () => context.close() };
}
