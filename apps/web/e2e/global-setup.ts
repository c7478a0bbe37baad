import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const web = path.resolve(import.meta.dirname, "..");
const root = path.resolve(web, "../..");

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app once when dist is missing or older than its sources. */
export default function setup(): void {
  const built = path.join(web, "dist/index.html");
  const sources = Math.max(
    newestChange(path.join(web, "src")),
    newestChange(path.join(root, "packages/schemas/src")),
    newestChange(path.join(root, "packages/domain/src")),
    statSync(path.join(web, "index.html")).mtimeMs,
    statSync(path.join(web, "vite.config.ts")).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync("npm", ["run", "build", "-w", "@family-story/web"], { cwd: root, stdio: "inherit" });
}
