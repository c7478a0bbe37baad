import type { Role } from "@family-story/domain";
import { req, type SessionCase } from "./permission-support.ts";

/** Only performance analysts prepare the statutory returns. */
const PREPARERS: readonly Role[] = ["performance_analyst"];

/** A return of an authority: the user's own and one in a shared service with their team, never another. */
function returnCase(path: string): SessionCase {
  return {
    target: "authority",
    roles: PREPARERS,
    ok: 200,
    inScope: { sameLa: PREPARERS, otherLa: [], sharedService: PREPARERS },
    outOfScope: 404,
    build: (f, _role, rel) => req(`${path}?la=${f.authorities[rel].tenant.laCode}&year=2024`),
  };
}

/** Statutory returns generated from casework and validated. */
export const RETURN_CASES: Record<string, SessionCase> = {
  "GET /api/v1/returns/:kind": returnCase("/api/v1/returns/ssda903"),
  "GET /api/v1/returns/:kind/files/:name": returnCase("/api/v1/returns/cin/files/cin-census.xml"),
  "GET /api/v1/returns/:kind/findings.csv": returnCase("/api/v1/returns/ssda903/findings.csv"),
};
