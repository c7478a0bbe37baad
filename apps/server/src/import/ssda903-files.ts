import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Ssda903File } from "@family-story/returns";

/** Input that cannot be read at all (a missing folder, an unreadable file, an unknown authority). */
export class ImportInputError extends Error {
  override readonly name = "ImportInputError";
}

/** The files of one collection year, with the year if the caller or the folder name says it. */
export interface Ssda903ImportYear {
  /** How the year is named in messages: its folder name, or the file's. */
  readonly label: string;
  /** The collection year by its start (2017 = 2017/18), when the user gave it. */
  readonly year?: number | null;
  readonly files: readonly Ssda903File[];
}

const RETURN_FILE = /\.(csv|xml)$/i;

/** Reads a file as text; it is named relative to the folder imported, as messages show it. */
async function readText(file: string, root: string): Promise<Ssda903File> {
  try {
    return { name: path.relative(root, file) || path.basename(file), text: await readFile(file, "utf8") };
  } catch (error) {
    throw new ImportInputError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function returnFilesIn(dir: string): Promise<{ files: string[]; dirs: string[]; skipped: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const visible = entries.filter((e) => !e.name.startsWith("."));
  return {
    files: visible.filter((e) => e.isFile() && RETURN_FILE.test(e.name)).map((e) => path.join(dir, e.name)),
    dirs: visible.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name)),
    skipped: visible.filter((e) => e.isFile() && !RETURN_FILE.test(e.name)).map((e) => path.join(dir, e.name)),
  };
}

/**
 * Reads SSDA903 files from disk: one file; a folder of one year's .csv/.xml files; or a folder of
 * year folders (e.g. 2017-18/, 2018-19/), each a year. `year` names the collection year of a
 * single year's files. Throws ImportInputError naming the path when nothing can be read.
 */
export async function readSsda903Path(root: string, year: number | null = null): Promise<{ years: Ssda903ImportYear[]; skipped: string[] }> {
  const info = await stat(root).catch((error: unknown) => {
    throw new ImportInputError(`Cannot read ${root}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (info.isFile()) return { years: [{ label: path.basename(root), year, files: [await readText(root, path.dirname(root))] }], skipped: [] };
  if (!info.isDirectory()) throw new ImportInputError(`${root} is neither a file nor a folder.`);

  const top = await returnFilesIn(root);
  const groups: { label: string; paths: string[] }[] = [];
  if (top.files.length > 0) groups.push({ label: path.basename(path.resolve(root)), paths: top.files });
  const skipped = [...top.skipped];
  for (const dir of top.dirs) {
    const inner = await returnFilesIn(dir);
    skipped.push(...inner.skipped, ...inner.dirs);
    if (inner.files.length > 0) groups.push({ label: path.basename(dir), paths: inner.files });
  }
  if (groups.length === 0) throw new ImportInputError(`No .csv or .xml files in ${root} or its year folders.`);
  if (year !== null && groups.length > 1) {
    throw new ImportInputError(`${root} holds ${groups.length} years (${groups.map((g) => g.label).join(", ")}); a year can be given only for one year's files.`);
  }
  const years: Ssda903ImportYear[] = [];
  for (const g of groups) years.push({ label: g.label, year, files: await Promise.all(g.paths.map((p) => readText(p, root))) });
  return { years, skipped };
}
