import { RELATIONSHIP_INVERSE, RELATIONSHIP_LABELS, foldName, nameTokens, normalisePostcode, postcodeDistrict, tokenKeys, type RelationshipType } from "@family-story/domain";
import type { PersonSearchQuery, PersonSearchResult } from "@family-story/schemas";
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "../db/database-types.ts";
import { badRequest } from "../http/problem.ts";
import { hasAuthorityWideScope } from "../policy/policy.ts";
import { asSex, personAge } from "../presenters/person-presenter.ts";
import type { Actor } from "./actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { actorForAudit } from "./audit-actor.ts";
import { sharingInForce, visiblePeople } from "./person-scope.ts";
import { dobRange, type DobRange } from "./dob-range.ts";
import { scoreCandidate } from "./search-score.ts";

/** Rows ranked in JavaScript after the database has narrowed the field. */
const CANDIDATES = 150;
/** Key hits kept, best first, before the person rows are read. */
const KEY_HITS = 300;

const PERSON_COLUMNS = ["person.id", "person.la_code", "person.given_name", "person.family_name", "person.other_names", "person.dob", "person.dob_estimated", "person.sex", "person.deceased_date", "person.current_postcode", "person.nhs_number", "person.upn"] as const;

interface Criteria {
  tokens: string[];
  folded: string;
  keys: Map<string, number>;
  range: DobRange | null;
  nhsNumber: string | undefined;
  upn: string | undefined;
  postcode: string | undefined;
}

function criteriaOf(query: PersonSearchQuery): Criteria {
  const tokens = query.q ? nameTokens(query.q) : [];
  const keys = new Map<string, number>();
  // One-letter words (initials) are scored but would match too many people to look up by.
  tokens.forEach((t, i) => {
    if (t.length < 2) return;
    for (const k of tokenKeys(t)) if (!keys.has(k)) keys.set(k, i);
  });
  let range: DobRange | null = null;
  if (query.dob) {
    range = dobRange(query.dob);
    if (!range) throw badRequest("That date of birth does not exist.", [{ field: "dob", message: "Not a real date" }]);
  }
  const postcode = query.postcode ? normalisePostcode(query.postcode) : undefined;
  const criteria = { tokens, folded: query.q ? foldName(query.q) : "", keys, range, nhsNumber: query.nhsNumber || undefined, upn: query.upn || undefined, postcode: postcode || undefined };
  if (keys.size === 0 && !criteria.nhsNumber && !criteria.upn && !criteria.postcode && !range) {
    throw badRequest("Enter a name (at least two letters), date of birth, NHS number, UPN or postcode to search.", [{ field: "q", message: "Enter something to search for" }]);
  }
  return criteria;
}

/**
 * The people whose name keys match, best first: ranked by how many typed words matched any
 * key and then by how many keys, capped so a common name (s:mmd) costs one index range scan
 * and an aggregate, not a read of every matching person. A partner's hits are limited to
 * people shared with them before the cap, so shared people are never crowded out.
 */
function keyHits(db: Kysely<Database>, actor: Actor, c: Criteria) {
  // Words matched = for each typed word, 1 if any of its keys hit (plain aggregates, no DISTINCT sort).
  const byToken = new Map<number, string[]>();
  for (const [key, token] of c.keys) byToken.set(token, [...(byToken.get(token) ?? []), key]);
  const perToken = [...byToken.values()].map((keys) => sql`max(CASE WHEN k.key IN (${sql.join(keys)}) THEN 1 ELSE 0 END)`);
  let hits = db
    .selectFrom("person_name_key as k")
    .select(["k.la_code", "k.person_id"])
    .select(sql<number>`${sql.join(perToken, sql` + `)}`.as("matched"))
    .select(sql<number>`count(*)`.as("hits"))
    .where("k.la_code", "in", actor.scopeLaCodes)
    .where("k.key", "in", [...c.keys.keys()]);
  if (c.range) hits = hits.where("k.dob", ">=", c.range.from).where("k.dob", "<=", c.range.to);
  if (!hasAuthorityWideScope(actor.role)) {
    hits = hits.where((eb) =>
      eb.exists(
        eb
          .selectFrom("sharing as s")
          .select(sql`1`.as("one"))
          .whereRef("s.la_code", "=", "k.la_code")
          .whereRef("s.person_id", "=", "k.person_id")
          .where(sharingInForce(actor.organisationId)),
      ),
    );
  }
  if (c.postcode) {
    const pc = c.postcode;
    hits = hits.where((eb) =>
      eb.exists(
        eb
          .selectFrom("person as pp")
          .select(sql`1`.as("one"))
          .whereRef("pp.la_code", "=", "k.la_code")
          .whereRef("pp.id", "=", "k.person_id")
          .where(pc.includes(" ") ? sql<string>`pp.current_postcode` : sql<string>`split_part(pp.current_postcode, ' ', 1)`, "=", pc),
      ),
    );
  }
  const ordered = hits.groupBy(["k.la_code", "k.person_id"]).orderBy("matched", "desc").orderBy("hits", "desc");
  // With a full date asked for (even approximately), the nearest dates of birth are kept first.
  const exact = c.range?.exact;
  return (exact ? ordered.orderBy(sql`min(abs(k.dob - ${exact}::date))`) : ordered).limit(KEY_HITS);
}

type PersonQuery = SelectQueryBuilder<Database, "person", object>;

function withFilters<Q extends PersonQuery>(q: Q, c: Criteria): Q {
  let out = q;
  if (c.range) out = out.where("person.dob", ">=", c.range.from).where("person.dob", "<=", c.range.to) as Q;
  if (c.nhsNumber) out = out.where("person.nhs_number", "=", c.nhsNumber) as Q;
  if (c.upn) out = out.where("person.upn", "=", c.upn) as Q;
  if (c.postcode) out = (c.postcode.includes(" ") ? out.where("person.current_postcode", "=", c.postcode) : out.where(sql<string>`split_part(person.current_postcode, ' ', 1)`, "=", c.postcode)) as Q;
  return out;
}

async function candidates(db: Kysely<Database>, actor: Actor, c: Criteria) {
  const sim = c.folded ? sql<number>`similarity(person.search_text, ${c.folded})` : sql<number>`0`;
  const base = db.selectFrom("person").where("person.la_code", "in", actor.scopeLaCodes).where(visiblePeople(actor));
  // An identifier finds the person outright; the name only ranks. Otherwise names lead.
  if (c.keys.size === 0 || c.nhsNumber || c.upn) {
    return withFilters(base, c).select(PERSON_COLUMNS).select(sim.as("sim")).orderBy("person.dob", "desc").orderBy("person.id").limit(CANDIDATES).execute();
  }
  return withFilters(base, c)
    .innerJoin(keyHits(db, actor, c).as("c"), (j) => j.onRef("c.la_code", "=", "person.la_code").onRef("c.person_id", "=", "person.id"))
    .select(PERSON_COLUMNS)
    .select(sim.as("sim"))
    .orderBy("c.matched", "desc")
    .orderBy("sim", "desc")
    .limit(CANDIDATES)
    .execute();
}

/**
 * Finds people the way names are really written: any spelling (Mohammed, Muhammad,
 * Mohamed), typos, names in either order, partial or approximate dates of birth, NHS number,
 * UPN and postcode. Only people the actor may open are returned, each with just enough to
 * tell people apart, and the search itself is audited.
 */
export async function searchPeople(db: Kysely<Database>, actor: Actor, audit: AuditLog, query: PersonSearchQuery): Promise<{ results: PersonSearchResult[]; total: number }> {
  const c = criteriaOf(query);
  const rows = await candidates(db, actor, c);
  const ranked = rows
    .map((r) => ({ row: r, ...scoreCandidate(r, c) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.row.family_name.localeCompare(b.row.family_name) || a.row.id.localeCompare(b.row.id))
    .slice(0, query.limit);

  const family = await familyMembers(db, actor, ranked.map((x) => x.row.id));
  const results: PersonSearchResult[] = ranked.map(({ row, score, matchedOn }) => ({
    id: row.id,
    laCode: row.la_code,
    name: `${row.given_name} ${row.family_name}`,
    otherNames: row.other_names.map((n) => `${n.givenName} ${n.familyName}`),
    age: personAge(row),
    dobDisplay: row.dob ? (row.dob_estimated ? `about ${row.dob.slice(0, 4)}` : row.dob) : null,
    sex: asSex(row.sex),
    postcodeDistrict: row.current_postcode ? postcodeDistrict(row.current_postcode) : null,
    familyMembers: family.get(row.id) ?? [],
    score: Math.round(score * 1000) / 1000,
    matchedOn,
  }));
  await audit.record(actorForAudit(actor), [
    {
      laCode: actor.laCode,
      action: "person.search",
      details: { q: query.q ?? null, dob: query.dob ?? null, nhsNumber: query.nhsNumber ?? null, upn: query.upn ?? null, postcode: query.postcode ?? null, resultIds: results.map((r) => r.id) },
    },
  ]);
  return { results, total: results.length };
}

/** First names and relationships of each result's family members the actor may also open, in one query. */
async function familyMembers(db: Kysely<Database>, actor: Actor, ids: string[]): Promise<Map<string, { name: string; relationship: string }[]>> {
  const out = new Map<string, { name: string; relationship: string }[]>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const links = await db
    .selectFrom("relationship as r")
    .innerJoin("person", (j) => j.on("person.la_code", "in", actor.scopeLaCodes).on(sql<boolean>`person.id = ANY(ARRAY[r.person_id, r.related_person_id])`))
    .select(["r.person_id", "r.related_person_id", "r.type", "person.id as other_id", "person.given_name"])
    .where("r.la_code", "in", actor.scopeLaCodes)
    .where((eb) => eb.or([eb("r.person_id", "in", ids), eb("r.related_person_id", "in", ids)]))
    .where(visiblePeople(actor))
    .execute();
  // Each link comes back once per end the actor may see; the visible end is the family member.
  for (const l of links) {
    const fromPerson = l.other_id === l.related_person_id;
    const self = fromPerson ? l.person_id : l.related_person_id;
    if (!wanted.has(self) || l.other_id === self) continue;
    // A row says "related_person is <type> of person"; seen from the other end it inverts.
    const type = fromPerson ? (l.type as RelationshipType) : RELATIONSHIP_INVERSE[l.type as RelationshipType];
    const list = out.get(self) ?? [];
    list.push({ name: l.given_name, relationship: RELATIONSHIP_LABELS[type].toLowerCase() });
    out.set(self, list);
  }
  return out;
}
