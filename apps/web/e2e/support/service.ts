import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, startService } from "@family-story/server";

/** A running Family Story service on a free port with its own fresh PGlite database. */
export interface E2eService {
  url: string;
  /** The service's database, for a test to set up what no screen can (a note written a day ago). */
  db: Awaited<ReturnType<typeof startService>>["services"]["db"];
  stop: () => Promise<void>;
}

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

/** Starts the real service in-process with a small demo borough (seeded on first start). */
export async function startE2eService(people = 300): Promise<E2eService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "family-story-e2e-"));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DEMO_PEOPLE: String(people),
    LOGIN_RATE_LIMIT: "1000",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "silent",
    WEB_DIST_DIR: path.resolve(import.meta.dirname, "../../dist"),
  });
  const running = await startService(config, () => undefined);
  return {
    url: running.url,
    db: running.services.db,
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
