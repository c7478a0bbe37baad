/**
 * Reads what a user points the returns command at: a folder of files (every .csv and .xml in
 * it, in name order) or one file. Problems are thrown as InputError with a message that names
 * the file and, where known, the line, for the command to print.
 */
import { createReadStream } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { createPostcodeLookup, parseOnsPostcodeLine, readOnsPostcodeHeader, type OnsPostcodeRecord, type PostcodeLookup } from "@family-story/returns";
import { normalisePostcode } from "@family-story/domain";

/** Input the command cannot use; the message is for the user. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** A file's name (as the user gave it) and its text. */
export interface InputFile {
  readonly name: string;
  readonly text: string;
}

/** The .csv and .xml files of a folder (name order), or the one file given. */
export async function readInputFiles(target: string): Promise<InputFile[]> {
  const info = await stat(target).catch(() => null);
  if (info === null) throw new InputError(`${target}: no such file or folder.`);
  const paths = info.isDirectory()
    ? (await readdir(target))
        .filter((n) => /\.(csv|xml)$/i.test(n))
        .sort()
        .map((n) => path.join(target, n))
    : [target];
  if (paths.length === 0) throw new InputError(`${target}: the folder has no .csv or .xml files.`);
  const files: InputFile[] = [];
  for (const p of paths) files.push({ name: p, text: await readText(p) });
  return files;
}

/** A file's text; it must be UTF-8 (the DfE formats are). */
async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: is not UTF-8 text.`);
  }
}

/**
 * Loads, from an ONS Postcode Directory CSV (.csv or .csv.gz, header with pcd, oseast1m, osnrth1m
 * and laua), only the postcodes wanted: streaming keeps the 2.7 million-line directory out of memory.
 */
export async function loadPostcodes(file: string, wanted: ReadonlySet<string>): Promise<{ lookup: PostcodeLookup; found: number }> {
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) throw new InputError(`${file}: no such postcode directory file.`);
  const raw = createReadStream(file);
  const lines = createInterface({ input: /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw, crlfDelay: Number.POSITIVE_INFINITY });
  const records: OnsPostcodeRecord[] = [];
  let layout: ReturnType<typeof readOnsPostcodeHeader> | null = null;
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (layout === null) {
        try {
          layout = readOnsPostcodeHeader(line);
        } catch (error) {
          throw new InputError(`${file} line 1: ${error instanceof Error ? error.message : String(error)}`);
        }
        continue;
      }
      const comma = line.indexOf(",");
      const first = (comma < 0 ? line : line.slice(0, comma)).replace(/"/g, "");
      // Only parse lines whose postcode is wanted when pcd is the first column (the usual layout).
      if (layout.pcd === 0 && !wanted.has(normalisePostcode(first))) continue;
      const record = parseOnsPostcodeLine(line, layout);
      if (record !== null && wanted.has(record.postcode)) records.push(record);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file} line ${String(lineNo)}: cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (layout === null) throw new InputError(`${file}: the postcode directory is empty.`);
  return { lookup: createPostcodeLookup(records), found: records.length };
}
