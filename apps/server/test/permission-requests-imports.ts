import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ADMIN_WRITERS, OWN_AUTHORITY_ONLY, req, type SessionCase } from "./permission-support.ts";

/** Bringing history in: administrators only, and only into and about their own authority. */
export const IMPORT_CASES: Record<string, SessionCase> = {
  "POST /api/v1/imports/ssda903": {
    target: "none",
    roles: ADMIN_WRITERS,
    ok: 202,
    // The import runs on after the answer: its one row has no CHILD, so it writes no record the
    // matrix fingerprints while it goes on checking other roles' refused requests.
    build: () => req("/api/v1/imports/ssda903", { files: [{ name: "header.csv", text: "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n,1,01/01/2015,WBRI,,,\n" }], year: 2024 }),
    // The job is the administrator's own authority's, whoever's records the matrix points at.
    check: (res, f) => {
      expect(res.json<{ laCode: string }>().laCode).toBe(f.home.laCode);
    },
  },
  "GET /api/v1/imports": { target: "none", roles: ADMIN_WRITERS, ok: 200, build: () => req("/api/v1/imports") },
  "GET /api/v1/imports/:id": {
    target: "authority",
    roles: ADMIN_WRITERS,
    ok: 200,
    inScope: OWN_AUTHORITY_ONLY,
    outOfScope: 404,
    build: async (f, _role, rel) => {
      const id = randomUUID();
      await f.db.insertInto("import_job").values({ la_code: f.authorities[rel].tenant.laCode, id, kind: "ssda903", status: "done", summary: "{}", problems: "[]" }).execute();
      return req(`/api/v1/imports/${id}`);
    },
  },
};
