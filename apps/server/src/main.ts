import { loadConfig } from "./config.ts";
import { startService } from "./start.ts";

/** Entry point: `npm start` from the repository root. */
async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startService(config);
  const shutdown = (): void => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
