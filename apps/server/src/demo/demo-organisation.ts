import type { OrganisationKind, Role, TeamKind } from "@family-story/domain";

/**
 * The synthetic bi-borough: the two authorities of the Westminster and Kensington and Chelsea
 * shared service, their localities (Westminster's three family hubs), teams, partners and a
 * demo account for every role. Names of places come from the council papers; every person
 * and number is invented.
 */
export const DEMO_PASSWORD = "family-story-demo";
export const WCC = "E09000033";
export const RBKC = "E09000020";

export interface DemoOrg { key: string; la: string; kind: OrganisationKind; name: string; urn?: string; ods?: string; postcode: string }
export interface DemoTeam { key: string; la: string; org: string; name: string; kind: TeamKind; locality?: string; shared?: boolean }
export interface DemoUser { username: string; la: string; org: string; team?: string; role: Role; name: string; email: string }

export const DEMO_AUTHORITIES = [
  { laCode: WCC, name: "Westminster" },
  { laCode: RBKC, name: "Kensington and Chelsea" },
];

export const DEMO_LOCALITIES = [
  { key: "bessborough", la: WCC, name: "Bessborough (South)" },
  { key: "church-street", la: WCC, name: "Church Street (North West)" },
  { key: "queens-park", la: WCC, name: "Queens Park (North)" },
  { key: "north-ken", la: RBKC, name: "North Kensington" },
  { key: "earls-court", la: RBKC, name: "Earl's Court" },
  { key: "chelsea", la: RBKC, name: "Chelsea and South" },
];

export const DEMO_ORGANISATIONS: DemoOrg[] = [
  { key: "wcc", la: WCC, kind: "local_authority", name: "Westminster City Council Children's Services", postcode: "SW1E 6QP" },
  { key: "rbkc", la: RBKC, kind: "local_authority", name: "Kensington and Chelsea Children's Services", postcode: "W8 7NX" },
  { key: "school-edgware", la: WCC, kind: "school", name: "Edgware Road Primary School", urn: "900101", postcode: "W2 1AA" },
  { key: "school-pimlico", la: WCC, kind: "school", name: "Pimlico Gardens Academy", urn: "900102", postcode: "SW1V 2AA" },
  { key: "school-queens", la: WCC, kind: "school", name: "Queens Park Community School", urn: "900103", postcode: "W9 3AA" },
  { key: "school-golborne", la: RBKC, kind: "school", name: "Golborne Primary School", urn: "900201", postcode: "W10 5AA" },
  { key: "school-earls", la: RBKC, kind: "school", name: "Earl's Court Secondary School", urn: "900202", postcode: "SW5 9AA" },
  { key: "gp-church", la: WCC, kind: "gp_practice", name: "Church Street Medical Practice", ods: "Y90001", postcode: "NW8 8AA" },
  { key: "gp-golborne", la: RBKC, kind: "gp_practice", name: "Golborne Road Surgery", ods: "Y90002", postcode: "W10 5AB" },
  { key: "police", la: WCC, kind: "police", name: "Metropolitan Police Service, Central West", postcode: "W2 1AB" },
  { key: "health", la: WCC, kind: "health_trust", name: "Central London Community Healthcare (health visiting)", ods: "RYX", postcode: "SW1P 1AA" },
  { key: "vol-youth", la: WCC, kind: "voluntary", name: "Young Westminster Foundation", postcode: "W2 5AA" },
  { key: "vol-mind", la: WCC, kind: "voluntary", name: "Westminster Mind", postcode: "W9 2AA" },
  { key: "vol-kensington", la: RBKC, kind: "voluntary", name: "North Kensington Family Support", postcode: "W10 6AA" },
];

export const DEMO_TEAMS: DemoTeam[] = [
  { key: "wcc-front-door", la: WCC, org: "wcc", name: "Integrated Front Door", kind: "front_door", shared: true },
  { key: "wcc-sw-north", la: WCC, org: "wcc", name: "Locality Social Work North", kind: "locality_social_work", locality: "queens-park" },
  { key: "wcc-sw-south", la: WCC, org: "wcc", name: "Locality Social Work South", kind: "locality_social_work", locality: "bessborough" },
  { key: "wcc-hub-bessborough", la: WCC, org: "wcc", name: "Bessborough Family Hub", kind: "family_hub", locality: "bessborough" },
  { key: "wcc-hub-church", la: WCC, org: "wcc", name: "Church Street Family Hub", kind: "family_hub", locality: "church-street" },
  { key: "wcc-hub-queens", la: WCC, org: "wcc", name: "Queens Park Family Hub", kind: "family_hub", locality: "queens-park" },
  { key: "wcc-early-help", la: WCC, org: "wcc", name: "Targeted Early Help", kind: "early_help", locality: "church-street" },
  { key: "bi-iro", la: WCC, org: "wcc", name: "Bi-borough Independent Reviewing Service", kind: "iro_service", shared: true },
  { key: "bi-yjs", la: WCC, org: "wcc", name: "Bi-borough Youth Justice Service", kind: "youth_justice", shared: true },
  { key: "bi-leaving-care", la: WCC, org: "wcc", name: "Bi-borough Leaving Care", kind: "leaving_care", shared: true },
  { key: "wcc-cla", la: WCC, org: "wcc", name: "Children Looked After", kind: "children_looked_after" },
  { key: "bi-performance", la: WCC, org: "wcc", name: "Bi-borough Performance and Insight", kind: "performance", shared: true },
  { key: "wcc-admin", la: WCC, org: "wcc", name: "Systems Administration", kind: "administration" },
  { key: "rbkc-sw", la: RBKC, org: "rbkc", name: "Kensington Social Work", kind: "locality_social_work", locality: "north-ken" },
  { key: "rbkc-early-help", la: RBKC, org: "rbkc", name: "Kensington Early Help", kind: "early_help", locality: "earls-court" },
  { key: "rbkc-admin", la: RBKC, org: "rbkc", name: "Kensington Systems Administration", kind: "administration" },
  { key: "school-edgware-dsl", la: WCC, org: "school-edgware", name: "Edgware Road Primary safeguarding", kind: "partner" },
];

export const DEMO_USERS: DemoUser[] = [
  { username: "admin.wcc", la: WCC, org: "wcc", team: "wcc-admin", role: "administrator", name: "Amara Okafor", email: "admin.wcc@example.org" },
  { username: "sw.wcc", la: WCC, org: "wcc", team: "wcc-sw-north", role: "practitioner", name: "Sam Whitfield", email: "sw.wcc@example.org" },
  { username: "tm.wcc", la: WCC, org: "wcc", team: "wcc-sw-north", role: "team_manager", name: "Tara Mensah", email: "tm.wcc@example.org" },
  { username: "eh.wcc", la: WCC, org: "wcc", team: "wcc-hub-church", role: "practitioner", name: "Elif Hassan", email: "eh.wcc@example.org" },
  { username: "iro.wcc", la: WCC, org: "wcc", team: "bi-iro", role: "iro", name: "Isaac Roberts", email: "iro.wcc@example.org" },
  { username: "yj.wcc", la: WCC, org: "wcc", team: "bi-yjs", role: "youth_justice_worker", name: "Yasmin James", email: "yj.wcc@example.org" },
  { username: "analyst.wcc", la: WCC, org: "wcc", team: "bi-performance", role: "performance_analyst", name: "Anil Patel", email: "analyst.wcc@example.org" },
  { username: "auditor.wcc", la: WCC, org: "wcc", team: "wcc-admin", role: "auditor", name: "Aoife Doyle", email: "auditor.wcc@example.org" },
  { username: "leader.wcc", la: WCC, org: "wcc", team: "bi-performance", role: "leader", name: "Lena Marsh (Director of Children's Services)", email: "leader.wcc@example.org" },
  { username: "sw.rbkc", la: RBKC, org: "rbkc", team: "rbkc-sw", role: "practitioner", name: "Simone Baptiste", email: "sw.rbkc@example.org" },
  { username: "tm.rbkc", la: RBKC, org: "rbkc", team: "rbkc-sw", role: "team_manager", name: "Tomasz Nowak", email: "tm.rbkc@example.org" },
  { username: "admin.rbkc", la: RBKC, org: "rbkc", team: "rbkc-admin", role: "administrator", name: "Ruth Adeyemi", email: "admin.rbkc@example.org" },
  { username: "partner.school", la: WCC, org: "school-edgware", team: "school-edgware-dsl", role: "partner_practitioner", name: "Priya Shah (designated safeguarding lead)", email: "dsl@edgware.example.org" },
  { username: "partner.gp", la: WCC, org: "gp-church", role: "partner_practitioner", name: "Dr Gareth Price", email: "gp@church.example.org" },
];
