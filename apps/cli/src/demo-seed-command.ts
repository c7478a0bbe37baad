import { hasDemo, seedDemo } from "@family-story/server";
import { SingleBar } from "cli-progress";
import { openServiceDatabase } from "./database.ts";
import type { Output } from "./audit-verify-command.ts";

/** `familystory demo seed [--people N]`: creates the synthetic demo borough once. */
export async function demoSeedCommand(options: { people: number }, io: Output): Promise<number> {
  const handle = await openServiceDatabase();
  try {
    if (await hasDemo(handle.db)) {
      io.out(`The demo borough is already on ${handle.where}; nothing to do.`);
      return 0;
    }
    io.out(`Creating the synthetic demo borough (${options.people} people) on ${handle.where}`);
    const bar = io.interactive ? new SingleBar({ format: "  [{bar}] {value}/{total} people", hideCursor: true, stream: process.stderr }) : null;
    bar?.start(options.people, 0);
    const ctx = await seedDemo(handle.db, { people: options.people, onProgress: (done) => bar?.update(done) });
    bar?.stop();
    io.out(`Done: ${options.people} people, ${ctx.userIds.size} demo accounts.`);
    return 0;
  } finally {
    await handle.close();
  }
}
