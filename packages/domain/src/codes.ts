/**
 * Code sets shared by server and web: staff roles, DfE ethnicity codes, relationships,
 * organisation and team kinds. Each is a readonly tuple so zod enums and exhaustive switches
 * can be built from it, with a label map for people.
 */

export const ROLES = [
  "practitioner",
  "team_manager",
  "iro",
  "youth_justice_worker",
  "partner_practitioner",
  "performance_analyst",
  "administrator",
  "auditor",
  "leader",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  practitioner: "Practitioner",
  team_manager: "Team manager",
  iro: "Independent reviewing officer",
  youth_justice_worker: "Youth justice worker",
  partner_practitioner: "Partner practitioner",
  performance_analyst: "Performance analyst",
  administrator: "Administrator",
  auditor: "Auditor",
  leader: "Senior leader",
};

/** DfE ethnicity codes as used in the SSDA903 and CIN census. */
export const ETHNICITY_LABELS = {
  WBRI: "White British",
  WIRI: "White Irish",
  WIRT: "Traveller of Irish heritage",
  WOTH: "Any other White background",
  WROM: "Gypsy/Roma",
  MWBC: "White and Black Caribbean",
  MWBA: "White and Black African",
  MWAS: "White and Asian",
  MOTH: "Any other mixed background",
  AIND: "Indian",
  APKN: "Pakistani",
  ABAN: "Bangladeshi",
  AOTH: "Any other Asian background",
  BCRB: "Black Caribbean",
  BAFR: "Black African",
  BOTH: "Any other Black background",
  CHNE: "Chinese",
  OOTH: "Any other ethnic group",
  REFU: "Refused",
  NOBT: "Information not yet obtained",
} as const;
export type EthnicityCode = keyof typeof ETHNICITY_LABELS;
export const ETHNICITY_CODES = Object.keys(ETHNICITY_LABELS) as [EthnicityCode, ...EthnicityCode[]];

/** Sex as recorded for the statutory returns (1 male, 2 female) plus unknown. */
export const SEXES = ["male", "female", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Relationship types, read as "A is the {type} of B". Each has an inverse so a single row
 * answers both directions.
 */
export const RELATIONSHIP_TYPES = [
  "parent",
  "child",
  "step_parent",
  "step_child",
  "sibling",
  "half_sibling",
  "grandparent",
  "grandchild",
  "partner",
  "other_relative",
  "carer",
  "cared_for",
  "foster_carer",
  "foster_child",
  "friend",
  "professional",
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RELATIONSHIP_INVERSE: Record<RelationshipType, RelationshipType> = {
  parent: "child",
  child: "parent",
  step_parent: "step_child",
  step_child: "step_parent",
  sibling: "sibling",
  half_sibling: "half_sibling",
  grandparent: "grandchild",
  grandchild: "grandparent",
  partner: "partner",
  other_relative: "other_relative",
  carer: "cared_for",
  cared_for: "carer",
  foster_carer: "foster_child",
  foster_child: "foster_carer",
  friend: "friend",
  professional: "professional",
};

export const RELATIONSHIP_LABELS: Record<RelationshipType, string> = {
  parent: "Parent",
  child: "Child",
  step_parent: "Step-parent",
  step_child: "Step-child",
  sibling: "Sibling",
  half_sibling: "Half-sibling",
  grandparent: "Grandparent",
  grandchild: "Grandchild",
  partner: "Partner",
  other_relative: "Other relative",
  carer: "Carer",
  cared_for: "Cared for",
  foster_carer: "Foster carer",
  foster_child: "Foster child",
  friend: "Friend",
  professional: "Professional",
};

export const ORGANISATION_KINDS = [
  "local_authority",
  "school",
  "gp_practice",
  "police",
  "health_trust",
  "voluntary",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  local_authority: "Local authority service",
  school: "School",
  gp_practice: "GP practice",
  police: "Police",
  health_trust: "Health trust",
  voluntary: "Voluntary or community organisation",
};

export const TEAM_KINDS = [
  "front_door",
  "locality_social_work",
  "early_help",
  "family_hub",
  "iro_service",
  "youth_justice",
  "leaving_care",
  "children_looked_after",
  "performance",
  "administration",
  "partner",
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Languages offered for "first language" (ISO 639-1/3 codes) with English names. */
export const LANGUAGE_LABELS = {
  eng: "English",
  ara: "Arabic",
  ben: "Bengali",
  som: "Somali",
  urd: "Urdu",
  fas: "Persian (Farsi)",
  por: "Portuguese",
  spa: "Spanish",
  fra: "French",
  pol: "Polish",
  tir: "Tigrinya",
  amh: "Amharic",
  tur: "Turkish",
  kur: "Kurdish",
  vie: "Vietnamese",
  rom: "Romany",
  ita: "Italian",
  yor: "Yoruba",
  other: "Other language",
  unknown: "Not known",
} as const;
export type LanguageCode = keyof typeof LANGUAGE_LABELS;
export const LANGUAGE_CODES = Object.keys(LANGUAGE_LABELS) as [LanguageCode, ...LanguageCode[]];

/** The two demo authorities of the bi-borough shared service. */
export const DEMO_AUTHORITIES = [
  { laCode: "E09000033", name: "Westminster" },
  { laCode: "E09000020", name: "Kensington and Chelsea" },
] as const;
