/**
 * Generates the synthetic demo borough at N people into the benchmark database and times it.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/familystory_bench npx tsx bench/generate-people.ts --people 1000000
 *   DATA_DIR=/tmp/fs-bench-pglite npx tsx bench/generate-people.ts --people 100000
 *
 * The database must be empty of demo data (a fresh database, or a new DATA_DIR).
 */
import os from "node:os";
import { sql } from "kysely";
import { hasDemo, seedDemoOrganisation } from "../apps/server/src/demo/seed-demo.ts";
import { seedDemoPeople } from "../apps/server/src/demo/demo-people.ts";
import { openBenchDatabase, option, tableCounts } from "./bench-database.ts";

const people = Number(option("people", "1000000"));
const seed = Number(option("seed", "20261122"));
const handle = await openBenchDatabase(4);
try {
  if (await hasDemo(handle.db)) throw new Error("This database already holds a demo borough: use a fresh database or DATA_DIR");
  console.log(`Generating ${people.toLocaleString("en-GB")} people (seed ${seed}) into ${handle.label} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown cpu"})`);
  const t0 = performance.now();
  const ctx = await seedDemoOrganisation(handle.db);
  let shown = -1;
  await seedDemoPeople(handle.db, ctx, {
    count: people,
    seed,
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 100);
      if (pct >= shown + 5 || done === total) {
        shown = pct;
        console.log(`  ${String(pct).padStart(3)}%  ${done.toLocaleString("en-GB")} people  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    },
  });
  const generated = (performance.now() - t0) / 1000;
  // Index-only scans on name keys need the visibility map a VACUUM writes after a bulk load.
  await sql`VACUUM ANALYZE`.execute(handle.db);
  const total = (performance.now() - t0) / 1000;
  const counts = await tableCounts(handle);
  console.log(`Generated and written in ${generated.toFixed(1)} s (${Math.round(people / generated).toLocaleString("en-GB")} people/s); with VACUUM ANALYZE ${total.toFixed(1)} s`);
  console.log(JSON.stringify(counts));
} finally {
  await handle.close();
}
