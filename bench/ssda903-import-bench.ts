/**
 * The SSDA903 import at national scale on PostgreSQL: a synthetic year of 80,000 children,
 * ~150,000 episodes and ~250,000 reviews (the shared fake year repeated 30 times with CHILD ids
 * made unique), written to CSV files and imported as `familystory import ssda903` does. Then the
 * same files again (nothing may change), and optionally the full ONS postcode directory.
 *
 *   createdb -h 127.0.0.1 -U postgres familystory_bench_import
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/familystory_bench_import npx tsx bench/ssda903-import-bench.ts [--copies 30] [--postcodes]
 *
 * Each run imports into a new authority, so runs do not see each other's children.
 * Options: --batch <rows per statement> (2500), --concurrency <batches at once> (2). Goal: the first import ≤ 60 s. Prints wall time and peak resident memory.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importOnsPostcodes } from "../apps/server/src/import/ons-postcode-import.ts";
import { readSsda903Path } from "../apps/server/src/import/ssda903-files.ts";
import { importSsda903, type ImportProgress } from "../apps/server/src/import/ssda903-import.ts";
import { openBenchDatabase, option } from "./bench-database.ts";

const SHARED = path.resolve(import.meta.dirname, "../../shared");
const FIXTURES = path.join(SHARED, "returns/ssda903/fixtures/fake-2017-18");
const copies = Math.min(89, Number(option("copies", "30")));
/** Reviews are taken from the first two thirds of the copies, for ~250,000 of them. */
const reviewCopies = Math.round((copies * 2) / 3);
const batchSize = Number(option("batch", "2500"));
const concurrency = Number(option("concurrency", "2"));

/** Writes the fixture's CSVs `copies` times over, each copy's CHILD ids prefixed with two digits to keep them apart. */
function writeNationalYear(dir: string): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith(".csv"))) {
    const [header = "", ...lines] = readFileSync(path.join(FIXTURES, name), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
    const times = name === "reviews.csv" ? reviewCopies : copies;
    const out = [header];
    for (let k = 0; k < times; k++) for (const line of lines) out.push(`${String(10 + k)}${line}`);
    writeFileSync(path.join(dir, name), `${out.join("\n")}\n`);
    rows[name] = out.length - 1;
  }
  return rows;
}

const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const handle = await openBenchDatabase(4);
  if (handle.url === undefined) throw new Error("This benchmark runs on PostgreSQL: set DATABASE_URL");
  const dir = mkdtempSync(path.join(tmpdir(), "ssda903-bench-"));
  try {
    const laCode = `E09${String(Math.floor(100000 + Math.random() * 899999))}`;
    await handle.db.insertInto("local_authority").values({ la_code: laCode, name: `SSDA903 bench ${laCode}` }).execute();
    const written = writeNationalYear(dir);
    console.log(`${handle.label}: authority ${laCode}; batches of ${String(batchSize)} rows, ${String(concurrency)} at a time; files ${JSON.stringify(written)}`);

    if (process.argv.includes("--postcodes")) {
      const began = performance.now();
      const pc = await importOnsPostcodes(handle.db, path.join(SHARED, "reference/ons-postcodes.csv.gz"));
      console.log(`ONS postcode directory: ${String(pc.rows)} postcodes in ${((performance.now() - began) / 1000).toFixed(1)} s (${String(pc.withoutGridReference)} lines without a grid reference, ${String(pc.problemCount)} refused); peak RSS ${mib(process.resourceUsage().maxRSS)}`);
    }

    const phases = new Map<string, number>();
    let phase = "";
    let phaseStart = performance.now();
    const onProgress = (p: ImportProgress): void => {
      if (p.phase === phase) return;
      const now = performance.now();
      if (phase !== "") phases.set(phase, (phases.get(phase) ?? 0) + (now - phaseStart));
      phase = p.phase;
      phaseStart = now;
    };

    for (const run of ["first import", "re-import of the same files"]) {
      phases.clear();
      phase = "";
      const began = performance.now();
      const { years } = await readSsda903Path(dir, 2017);
      const { summary, problems } = await importSsda903(handle.db, { laCode, years, onProgress, batchSize, concurrency });
      const seconds = (performance.now() - began) / 1000;
      const t = Object.fromEntries(summary.tables.map((s) => [s.table, s]));
      console.log(`\n${run}: ${seconds.toFixed(1)} s, peak RSS ${mib(process.resourceUsage().maxRSS)}`);
      console.log(`  children ${String(summary.children.created)} new / ${String(summary.children.matched)} matched; episodes ${String(t.Episodes?.read ?? 0)}, reviews ${String(t.Reviews?.read ?? 0)}; rows not loaded ${String(problems.length)}`);
      console.log(`  inserted ${String(summary.tables.reduce((n, s) => n + s.inserted, 0))}, updated ${String(summary.tables.reduce((n, s) => n + s.updated, 0))}, unchanged ${String(summary.tables.reduce((n, s) => n + s.unchanged, 0))}`);
      console.log(`  phases (s): ${[...phases].map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)}`).join(", ")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  }
}

await main();
