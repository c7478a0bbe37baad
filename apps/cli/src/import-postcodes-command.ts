import { importOnsPostcodes } from "@family-story/server";
import { SingleBar } from "cli-progress";
import { openServiceDatabase } from "./database.ts";
import type { Output } from "./audit-verify-command.ts";

const SHOWN_PROBLEMS = 50;

/**
 * `familystory import postcodes <file.csv|file.csv.gz>`: loads the ONS Postcode Directory,
 * replacing the one loaded before, so the SSDA903 placement fields (PL_LA, PL_LOCATION,
 * PL_DISTANCE) can be derived. Lines with a bad grid reference are listed and skipped.
 */
export async function importPostcodesCommand(file: string, io: Output): Promise<number> {
  const handle = await openServiceDatabase();
  try {
    io.out(`Loading the ONS postcode directory from ${file} into ${handle.where}`);
    const bar = io.interactive ? new SingleBar({ format: "  [{bar}] {percentage}% of the file", hideCursor: true, stream: process.stderr }) : null;
    bar?.start(100, 0);
    const began = Date.now();
    const result = await importOnsPostcodes(handle.db, file, { onProgress: (read, total) => bar?.update(total === 0 ? 100 : Math.floor((read / total) * 100)) });
    bar?.stop();
    io.out(`Loaded ${result.rows} postcodes in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
    if (result.withoutGridReference > 0) io.out(`${result.withoutGridReference} line(s) have no grid reference or authority (terminated or non-geographic postcodes) and were skipped.`);
    if (result.problemCount > 0) {
      io.out(`${result.problemCount} line(s) not loaded:`);
      for (const p of result.problems.slice(0, SHOWN_PROBLEMS)) io.out(`  line ${p.line}: ${p.reason}`);
      if (result.problemCount > SHOWN_PROBLEMS) io.out(`  … and ${result.problemCount - SHOWN_PROBLEMS} more.`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}
