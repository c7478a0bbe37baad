/**
 * Runs the returns engine in a Web Worker so a national-size file does not freeze the page: the
 * files never leave the browser. Receives one CheckRequest, posts progress, then the report.
 */
import { readSsda903Files, ssda903Input, ssda903Metadata, validateSsda903 } from "@family-story/returns";
import type { CheckMessage, CheckRequest } from "./check-protocol.ts";
import { checkCin } from "./check-cin.ts";

// The DOM library types `self` as a window; in a dedicated worker it posts to the page.
const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage: (message: CheckMessage) => void };

function post(message: CheckMessage): void {
  scope.postMessage(message);
}

function checkSsda903(request: Extract<CheckRequest, { kind: "ssda903" }>): void {
  const read = readSsda903Files(request.files);
  const bad = read.unrecognised[0];
  if (bad !== undefined) {
    post({ type: "failed", problem: bad.reason.startsWith(bad.name) ? bad.reason : `${bad.name}: ${bad.reason}` });
    return;
  }
  const input = ssda903Input({ current: read.tables });
  const report = validateSsda903(input, {
    ruleset: request.ruleset,
    metadata: ssda903Metadata({ year: request.year, localAuthority: request.la, fileFormat: read.files.every((f) => f.format === "xml") ? "xml" : "csv" }),
    onProgress: (done, total) => {
      post({ type: "progress", done, total });
    },
  });
  post({ type: "done", report, read: read.files.map((f) => `${f.name}: ${f.tables.map((t) => `${t.table} (${t.rows.toLocaleString("en-GB")} rows)`).join(", ")}`), notes: read.warnings });
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    switch (request.kind) {
      case "ssda903":
        checkSsda903(request);
        return;
      case "cin":
        post(checkCin(request, (done, total) => {
          post({ type: "progress", done, total });
        }));
        return;
    }
  } catch (error) {
    post({ type: "failed", problem: error instanceof Error ? error.message : String(error) });
  }
};
