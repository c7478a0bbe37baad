import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { SignInPage } from "../pages/sign-in-page.ts";
import { launchBrowser, openPage, type WatchedPage } from "./browser.ts";
import { startE2eService, type E2eService } from "./service.ts";

/** A test file's running service and browser, and the pages it opened. */
export interface E2eSession {
  /** The service's base address; only valid once the file's beforeAll has run. */
  readonly url: string;
  /** The service's database (test set-up only). */
  readonly db: E2eService["db"];
  /** Opens a watched page, not signed in. */
  openWatched: () => Promise<WatchedPage>;
  /** Opens a watched page and signs in as `username` with the demo password. */
  signedInPage: (username: string) => Promise<WatchedPage>;
}

/**
 * Registers the file's set-up: start the service with a demo borough of `people` and a
 * browser before the tests, and after them check no page logged an error or CSP violation,
 * then close both. Call at the top of the file, before its own beforeAll.
 */
export function setUpE2eSession(people = 300): E2eSession {
  let service: E2eService | undefined;
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    service = await startE2eService(people);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const p of pages) expect(p.problems, "console errors or CSP violations").toEqual([]);
    await browser?.close();
    await service?.stop();
  });

  function started(): { service: E2eService; browser: Browser } {
    if (!service || !browser) throw new Error("The e2e session is used before its beforeAll ran");
    return { service, browser };
  }

  async function openWatched(): Promise<WatchedPage> {
    const running = started();
    const watched = await openPage(running.browser, running.service.url);
    pages.push(watched);
    return watched;
  }

  return {
    get url() {
      return started().service.url;
    },
    get db() {
      return started().service.db;
    },
    openWatched,
    signedInPage: async (username) => {
      const watched = await openWatched();
      const signIn = new SignInPage(watched.page);
      await signIn.open();
      await signIn.signIn(username);
      return watched;
    },
  };
}
