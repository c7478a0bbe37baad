import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { AuditLog, openDatabase } from "@family-story/server";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../bin/familystory.mjs", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "familystory-cli-"));

/** Runs the installed entry point as a user would, against the PGlite database in dataDir. */
async function familystory(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "test" };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Opens the same data directory in this process (PGlite allows one process at a time). */
async function withDatabase(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<void>): Promise<void> {
  const handle = await openDatabase({ dataDir });
  try {
    await fn(handle.db);
  } finally {
    await handle.close();
  }
}

describe("familystory command line (PGlite DATA_DIR)", () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds the demo, verifies intact chains, and reports the first broken link with exit code 1", async () => {
    const seeded = await familystory("demo", "seed", "--people", "12");
    expect(seeded.stderr).toBe("");
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("Done: 12 people");
    expect((await familystory("demo", "seed")).stdout).toContain("already");

    // Write a chain of audit events the way the service does.
    await withDatabase(async (db) => {
      const log = new AuditLog(db);
      const actor = { userId: null, username: "cli-test", displayName: "CLI test", role: null, organisationId: null, organisationName: null, laCode: "E09000033", requestId: null };
      for (let i = 0; i < 5; i += 1) await log.record(actor, [{ laCode: "E09000033", action: "test.event", details: { i, nested: { b: 1, a: 2 } } }]);
      await log.record(actor, [{ laCode: "E09000020", action: "test.event" }]);
    });

    const ok = await familystory("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("E09000033 Westminster: checked 5 events, OK");
    expect(ok.stdout).toContain("E09000020 Kensington and Chelsea: checked 1 events, OK");

    await withDatabase(async (db) => {
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change`.execute(db);
      await sql`UPDATE audit_event SET action = 'test.forged' WHERE la_code = 'E09000033' AND seq = 3`.execute(db);
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change`.execute(db);
    });
    const broken = await familystory("audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/E09000033 Westminster: checked 2 events, FIRST BROKEN LINK at seq 3: the event's content does not match its hash/);
    expect(broken.stdout).toContain("E09000020 Kensington and Chelsea: checked 1 events, OK");

    const onlyRbkc = await familystory("audit", "verify", "--la", "E09000020");
    expect(onlyRbkc.code).toBe(0);
    expect(onlyRbkc.stdout).not.toContain("E09000033");
    const badLa = await familystory("audit", "verify", "--la", "nowhere");
    expect(badLa.code).not.toBe(0);
    expect(badLa.stderr).toContain("ONS local authority code");
    // Each run starts node, tsx and PGlite afresh: slow on a busy machine.
  }, 300_000);
});
