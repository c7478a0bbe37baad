import { auditedAuthorities, verifyAuditChain } from "@family-story/server";
import { SingleBar } from "cli-progress";
import { openServiceDatabase } from "./database.ts";

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  interactive: boolean;
}

/**
 * `familystory audit verify [--la <code>]`: walks each authority's hash chain and prints
 * what it checked. Returns the exit code: 1 when any chain is broken, 0 otherwise.
 */
export async function auditVerifyCommand(options: { la?: string | undefined }, io: Output): Promise<number> {
  const handle = await openServiceDatabase();
  try {
    const db = handle.db;
    const names = new Map((await db.selectFrom("local_authority").select(["la_code", "name"]).execute()).map((r) => [r.la_code, r.name]));
    const codes = options.la ? [options.la] : await auditedAuthorities(db);
    if (options.la && !names.has(options.la)) {
      io.err(`No authority ${options.la} on this database (${handle.where}).`);
      return 2;
    }
    io.out(`Verifying the audit log on ${handle.where}`);
    let broken = 0;
    for (const laCode of codes) {
      const head = await db.selectFrom("audit_head").select("seq").where("la_code", "=", laCode).executeTakeFirst();
      const total = head ? head.seq : 0;
      const bar = io.interactive && total > 0 ? new SingleBar({ format: `  ${laCode} [{bar}] {value}/{total} events`, hideCursor: true, stream: process.stderr }) : null;
      bar?.start(total, 0);
      const result = await verifyAuditChain(db, laCode, { onProgress: (n) => bar?.update(n) });
      bar?.stop();
      const label = `${laCode} ${names.get(laCode) ?? ""}`.trim();
      if (result.ok) {
        io.out(`${label}: checked ${result.checked} events, OK`);
      } else {
        broken += 1;
        io.out(`${label}: checked ${result.checked} events, FIRST BROKEN LINK at seq ${result.firstBrokenSeq ?? "?"}: ${result.problem ?? "unknown"}`);
      }
    }
    if (codes.length === 0) io.out("No authorities on this database.");
    return broken > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}
