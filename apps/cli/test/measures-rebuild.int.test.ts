import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@family-story/server";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../bin/familystory.mjs", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "familystory-measures-"));

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

describe("familystory measures rebuild (PGlite DATA_DIR)", () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("builds the demo authorities when seeded, rebuilds each or one with a line per authority, and refuses an unknown one", async () => {
    expect((await familystory("demo", "seed", "--people", "12")).code).toBe(0);
    const countsIn = (stdout: string, name: string): number => Number(new RegExp(`${name}: ([\\d,]+) child`).exec(stdout)?.[1]?.replace(/,/g, "") ?? Number.NaN);
    const before = await familystory("measures", "rebuild");
    expect(before.code).toBe(0);
    const westminster = countsIn(before.stdout, "E09000033 Westminster");
    const kensington = countsIn(before.stdout, "E09000020 Kensington and Chelsea");
    // The demo's history gives both authorities children with records.
    expect(westminster).toBeGreaterThan(0);
    expect(kensington).toBeGreaterThan(0);

    // One more child with a referral in Westminster, written straight into the tables.
    const handle = await openDatabase({ dataDir });
    try {
      const states = await handle.db.selectFrom("measure_state").select("la_code").orderBy("la_code").execute();
      expect(states.map((s) => s.la_code)).toEqual(["E09000020", "E09000033"]);
      const counted = handle.db.selectFrom("measure_fact").select("person_id").where("la_code", "=", "E09000033");
      const person = await handle.db.selectFrom("person").select("id").where("la_code", "=", "E09000033").where("id", "not in", counted).limit(1).executeTakeFirstOrThrow();
      const caseId = randomUUID();
      await handle.db.insertInto("casework_case").values({ la_code: "E09000033", id: caseId, kind: "social_care", subject_person_id: person.id, title: "Case", opened_on: "2025-01-06", team_id: null }).execute();
      await handle.db.insertInto("cin_referral").values({ la_code: "E09000033", case_id: caseId, person_id: person.id, referral_date: "2025-01-06", referral_source: "2A", created_by: null }).execute();
    } finally {
      await handle.close();
    }

    const all = await familystory("measures", "rebuild");
    expect(all.stderr).toBe("");
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/E09000033 Westminster: [\d,]+ children, [\d,]+ facts, \d{4}-04 to \d{4}-\d{2}, in [\d.]+ s/);
    expect(countsIn(all.stdout, "E09000033 Westminster")).toBe(westminster + 1);
    expect(countsIn(all.stdout, "E09000020 Kensington and Chelsea")).toBe(kensington);

    const one = await familystory("measures", "rebuild", "--la", "E09000020");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("E09000020 Kensington and Chelsea");
    expect(one.stdout).not.toContain("Westminster");

    const unknown = await familystory("measures", "rebuild", "--la", "E09000999");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No authority E09000999");
  }, 300_000);
});
