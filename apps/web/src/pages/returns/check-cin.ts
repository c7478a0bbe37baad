import { readCinXml, validateCin, type ProgressListener } from "@family-story/returns";
import type { CheckMessage, CheckRequest } from "./check-protocol.ts";

/** Checks one CIN census XML file in the worker; the reader's error names the file and line. */
export function checkCin(request: Extract<CheckRequest, { kind: "cin" }>, onProgress: ProgressListener): CheckMessage {
  const [file, ...others] = request.files;
  if (file === undefined) return { type: "failed", problem: "Choose the CIN census XML file." };
  if (others.length > 0) return { type: "failed", problem: "The CIN census is one XML file: choose only that file." };
  const { tables, warnings } = readCinXml(file);
  const report = validateCin(tables, { ruleset: request.ruleset, onProgress });
  const rows = Object.entries(tables).map(([name, t]) => `${name} (${t.rows.length.toLocaleString("en-GB")} rows)`);
  return { type: "done", report, read: [`${file.name}: ${rows.join(", ")}`], notes: warnings };
}
