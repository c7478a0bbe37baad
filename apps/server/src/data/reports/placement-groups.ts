/**
 * The placement types of the IRO annual report's Tables C and D: the SSDA903 PLACE code (with
 * PLACE_PROVIDER for foster care) grouped as the report groups them. Codes withdrawn before
 * 2026/27 (H5, P2, Z1) still arrive in imported history, so they are placed too.
 */

export const PLACEMENT_GROUPS = [
  { code: "kinship_foster", label: "Kinship foster care", rule: "U1, U2, U3 (foster care with relatives or friends)" },
  { code: "la_foster", label: "LA foster care", rule: "U4, U5, U6 provided by the authority or another authority (PR1, PR2) or with no provider recorded" },
  { code: "independent_foster", label: "Independent foster care", rule: "U4, U5, U6 provided privately or by the voluntary sector (PR4, PR5) or by other public provision (PR3)" },
  { code: "residential", label: "Residential care", rule: "K1, K2, R1, R2, R5, S1 (children's homes, secure units, residential schools, health and custodial settings)" },
  { code: "supported", label: "Supported lodgings or accommodation", rule: "K3, and H5 in earlier years" },
  { code: "adoption", label: "Placed for adoption", rule: "A3, A4, A5, A6" },
  { code: "parents", label: "Placed with parents", rule: "P1" },
  { code: "other", label: "Other", rule: "P3, R3, Z11–Z14, P2 and Z1 in earlier years, temporary T0–T4, and anything not recorded" },
] as const;
export type PlacementGroup = (typeof PLACEMENT_GROUPS)[number]["code"];

const BY_PLACE: Record<string, PlacementGroup> = {
  U1: "kinship_foster",
  U2: "kinship_foster",
  U3: "kinship_foster",
  K1: "residential",
  K2: "residential",
  R1: "residential",
  R2: "residential",
  R5: "residential",
  S1: "residential",
  K3: "supported",
  H5: "supported",
  A3: "adoption",
  A4: "adoption",
  A5: "adoption",
  A6: "adoption",
  P1: "parents",
};

const INDEPENDENT_PROVIDERS = new Set(["PR3", "PR4", "PR5"]);

/** The report's group for an episode's placement type and provider. */
export function placementGroup(place: string | null, provider: string | null): PlacementGroup {
  if (place === null) return "other";
  if (place === "U4" || place === "U5" || place === "U6") return provider !== null && INDEPENDENT_PROVIDERS.has(provider) ? "independent_foster" : "la_foster";
  return BY_PLACE[place] ?? "other";
}
