import { rebuildMeasures } from "@family-story/server";
import { SingleBar } from "cli-progress";
import type { Output } from "../audit-verify-command.ts";
import { openServiceDatabase } from "../database.ts";

// On PostgreSQL, batches run side by side on the pool (one connection holds the build's lock).
const POOL = 6;

/**
 * `familystory measures rebuild [--la <code>]`: builds each authority's measure facts from
 * scratch (docs/architecture.md, "Measures"), with a progress bar on a terminal and a line per
 * authority. Reads wait for an authority's build; writes made meanwhile are applied after it.
 */
export async function measuresRebuildCommand(options: { la?: string | undefined }, io: Output): Promise<number> {
  const handle = await openServiceDatabase(process.env, POOL);
  try {
    const db = handle.db;
    const authorities = await db.selectFrom("local_authority").select(["la_code", "name"]).orderBy("la_code").execute();
    const chosen = options.la ? authorities.filter((a) => a.la_code === options.la) : authorities;
    if (options.la && chosen.length === 0) {
      io.err(`No authority ${options.la} on this database (${handle.where}).`);
      return 2;
    }
    io.out(`Rebuilding measures on ${handle.where}`);
    for (const authority of chosen) {
      const started = performance.now();
      const bar = io.interactive ? new SingleBar({ format: `  ${authority.la_code} [{bar}] {value}/{total} children`, hideCursor: true, stream: process.stderr }) : null;
      const result = await rebuildMeasures(db, authority.la_code, {
        concurrency: handle.kind === "postgres" ? POOL - 2 : 1,
        onProgress: (done, total) => {
          if (!bar) return;
          if (done === 0) bar.start(total, 0);
          else bar.update(done);
        },
      });
      bar?.stop();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(`${authority.la_code} ${authority.name}: ${result.children.toLocaleString("en-GB")} ${result.children === 1 ? "child" : "children"}, ${result.facts.toLocaleString("en-GB")} facts, ${result.window.firstMonth} to ${result.window.lastMonth}, in ${seconds} s`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}
