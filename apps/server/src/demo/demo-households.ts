import type { RelationshipType } from "@family-story/domain";
import { RBKC, WCC } from "./demo-organisation.ts";
import { COMMUNITIES, type Community } from "./demo-names.ts";
import { demoAddress, type DemoAddress } from "./demo-places.ts";
import { IdentifierIssuer, dayOf, genderedFamily, givenName, isoDay, otherNamesFor, searchFields, spell, type PersonSeed } from "./demo-person-factory.ts";
import { SeededRandom } from "./seeded-random.ts";


export interface AddressSeed { la_code: string; id: string; person_id: string; line1: string; line2: string | null; town: string; postcode: string; from_date: string; to_date: string | null }
/** A relationship row: related_person_id is the `type` of person_id. */
export interface RelationshipSeed { la_code: string; id: string; person_id: string; related_person_id: string; type: RelationshipType; from_date: string | null }
export interface NameKeySeed { la_code: string; key: string; person_id: string; dob: string }

/** Everything one household adds. */
export interface HouseholdRows {
  people: PersonSeed[];
  addresses: AddressSeed[];
  relationships: RelationshipSeed[];
  nameKeys: NameKeySeed[];
}

type Shape = "couple" | "single" | "blended" | "multigenerational" | "uasc" | "adult";

const SHAPES: { weight: number; value: Shape }[] = [
  { weight: 44, value: "couple" },
  { weight: 26, value: "single" },
  { weight: 14, value: "blended" },
  { weight: 10, value: "multigenerational" },
  { weight: 2, value: "uasc" },
  { weight: 4, value: "adult" },
];
const COMMUNITY_WEIGHTS = COMMUNITIES.map((c) => ({ weight: c.weight, value: c }));
const UASC_COMMUNITIES = COMMUNITIES.filter((c) => ["eritrean", "somali", "arabic", "vietnamese"].includes(c.key));

interface Home { la: string; address: DemoAddress; from: number; previous: { address: DemoAddress; from: number; to: number } | null }

/**
 * Generates invented households one at a time from a seed: couples, single parents, blended
 * families with step-parents and half-siblings, grandparents, lone unaccompanied young
 * people. Pure (no database), so the same seed and count always give the same rows.
 */
export class HouseholdGenerator {
  private readonly rng: SeededRandom;
  private readonly ids = new IdentifierIssuer();
  private readonly today: number;
  private made = 0;
  private rows: HouseholdRows = { people: [], addresses: [], relationships: [], nameKeys: [] };

  constructor(seed: number, private readonly count: number, referenceDate = "2026-09-01") {
    this.rng = new SeededRandom(seed);
    this.today = dayOf(referenceDate);
  }

  /** People generated so far. */
  get done(): number {
    return this.made;
  }

  /** The next household's rows, or null once `count` people exist. */
  next(): HouseholdRows | null {
    if (this.made >= this.count) return null;
    this.rows = { people: [], addresses: [], relationships: [], nameKeys: [] };
    const rng = this.rng;
    const la = rng.chance(0.6) ? WCC : RBKC;
    const shape = rng.weighted(SHAPES);
    const community = shape === "uasc" ? rng.pick(UASC_COMMUNITIES) : rng.weighted(COMMUNITY_WEIGHTS);
    const home = this.home(la);
    switch (shape) {
      case "couple":
      case "multigenerational":
        this.family(community, home, true, shape === "multigenerational");
        break;
      case "single":
        this.family(community, home, false, false);
        break;
      case "blended":
        this.blended(community, home);
        break;
      case "uasc": {
        const age = rng.int(14, 17);
        const yp = this.person(community, la, rng.chance(0.8) ? "male" : "female", age, home, { estimated: true, uasc: true });
        yp.la_child_id = this.ids.laChildId(la);
        break;
      }
      case "adult":
        this.person(community, la, rng.chance(0.5) ? "male" : "female", rng.int(18, 60), home, {});
        break;
      default: {
        const never: never = shape;
        throw new Error(`unknown household shape ${String(never)}`);
      }
    }
    return this.rows;
  }

  private home(la: string): Home {
    const rng = this.rng;
    const from = this.today - rng.int(30, 3650);
    const previous = rng.chance(0.45) ? { address: demoAddress(rng, rng.chance(0.85) ? la : la === WCC ? RBKC : WCC), from: from - rng.int(200, 3000), to: from - 1 } : null;
    return { la, address: demoAddress(rng, la), from, previous };
  }

  /** Two parents (or one, the other recorded at their own address) and their children. */
  private family(c: Community, home: Home, together: boolean, grandparents: boolean): void {
    const rng = this.rng;
    const surname = spell(rng, rng.pick(c.family));
    const fatherAge = rng.int(24, 55);
    const motherAge = Math.max(19, fatherAge - rng.int(-3, 8));
    const fatherHome = together ? home : rng.chance(0.5) ? this.home(home.la) : null;
    const father = fatherHome ? this.person(c, home.la, "male", fatherAge, fatherHome, { surname }) : null;
    const keepsOwn = !c.patronymic && rng.chance(c.femaleFamily ? 0.5 : 0.25);
    const mother = this.person(c, home.la, "female", motherAge, home, keepsOwn || c.patronymic ? {} : { surname, birthName: rng.chance(0.4) });
    if (father && together) this.link(mother, father, "partner", null);
    const kids = this.children(c, home, motherAge, rng.int(1, 4), father ?? null, surname);
    for (const k of kids) {
      this.link(k, mother, "parent", k.dob);
      if (father) this.link(k, father, "parent", k.dob);
    }
    this.siblings(kids, "sibling");
    if (grandparents || rng.chance(0.2)) {
      const side = rng.chance(0.5) && father ? father : mother;
      const gpHome = grandparents ? home : this.home(home.la);
      const gp = this.person(c, home.la, rng.chance(0.6) ? "female" : "male", Math.min(95, motherAge + rng.int(20, 32)), gpHome, side === father ? { surname } : {});
      if (rng.chance(0.05)) gp.deceased_date = isoDay(this.today - rng.int(30, 900));
      this.link(side, gp, "parent", side.dob);
      for (const k of kids) this.link(k, gp, "grandparent", k.dob);
    }
  }

  /** Mother, her children by a former partner, her new partner and their children (half-siblings). */
  private blended(c: Community, home: Home): void {
    const rng = this.rng;
    const motherAge = rng.int(26, 48);
    const mother = this.person(c, home.la, "female", motherAge, home, {});
    const exSurname = spell(rng, rng.pick(c.family));
    const ex = rng.chance(0.6) ? this.person(c, home.la, "male", motherAge + rng.int(-2, 8), this.home(home.la), { surname: exSurname }) : null;
    const older = this.children(c, home, motherAge, rng.int(1, 3), ex, exSurname, 6);
    const partnerCommunity = rng.chance(0.2) ? rng.weighted(COMMUNITY_WEIGHTS) : c;
    const newSurname = spell(rng, rng.pick(partnerCommunity.family));
    const step = this.person(partnerCommunity, home.la, "male", motherAge + rng.int(-3, 9), home, { surname: newSurname });
    this.link(mother, step, "partner", isoDay(home.from));
    const younger = this.children(c, home, motherAge, rng.int(0, 2), step, newSurname, 0, 5);
    for (const k of older) {
      this.link(k, mother, "parent", k.dob);
      if (ex) this.link(k, ex, "parent", k.dob);
      this.link(k, step, "step_parent", isoDay(home.from));
    }
    for (const k of younger) {
      this.link(k, mother, "parent", k.dob);
      this.link(k, step, "parent", k.dob);
    }
    this.siblings(older, "sibling");
    this.siblings(younger, "sibling");
    for (const a of older) for (const b of younger) this.link(a, b, "half_sibling", null);
  }

  private children(c: Community, home: Home, motherAge: number, n: number, father: PersonSeed | null, surname: { name: string; alt: string | null }, minAge = 0, maxAge = 20): PersonSeed[] {
    const rng = this.rng;
    const kids: PersonSeed[] = [];
    let age = Math.min(maxAge, motherAge - 17, rng.int(minAge, maxAge));
    for (let i = 0; i < n && age >= minAge; i++) {
      const childSurname = c.patronymic && father ? { name: father.given_name.split(" ")[0] ?? father.given_name, alt: null } : surname;
      const kid = this.person(c, home.la, rng.chance(0.5) ? "male" : "female", age, home, { surname: childSurname, child: true });
      kids.push(kid);
      age -= rng.int(1, 4);
    }
    return kids;
  }

  private siblings(kids: PersonSeed[], type: "sibling" | "half_sibling"): void {
    for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) this.link(kids[i] as PersonSeed, kids[j] as PersonSeed, type, null);
  }

  private person(c: Community, la: string, sex: "male" | "female", age: number, home: Home, o: { surname?: { name: string; alt: string | null }; birthName?: boolean; child?: boolean; estimated?: boolean; uasc?: boolean }): PersonSeed {
    const rng = this.rng;
    if (this.made >= this.count) return this.phantom();
    const given = givenName(rng, c, sex);
    const familyGroup = sex === "female" && c.femaleFamily && !o.surname && rng.chance(0.6) ? rng.pick(c.femaleFamily) : rng.pick(c.family);
    const own = spell(rng, familyGroup);
    const chosen = o.surname ?? own;
    const family = genderedFamily(chosen.name, sex, c);
    const name = { given: given.name, family, givenAlt: given.alt, familyAlt: chosen.alt ? genderedFamily(chosen.alt, sex, c) : null };
    const approx = Math.round(this.today - age * 365.25 - rng.int(0, 364));
    // An estimated date of birth is recorded as 1 January of the likely year.
    const born = o.estimated ? dayOf(`${isoDay(approx).slice(0, 4)}-01-01`) : approx;
    const dob = isoDay(born);
    const ageYears = Math.floor((this.today - born) / 365.25);
    const uk = !o.uasc && (o.child ?? false) && rng.chance(0.5);
    const p: PersonSeed = {
      la_code: la,
      id: rng.uuid(),
      la_child_id: o.child && rng.chance(0.5) ? this.ids.laChildId(la) : null,
      given_name: name.given,
      family_name: name.family,
      other_names: otherNamesFor(rng, c, name, o.birthName ? genderedFamily(own.name, sex, c) : null),
      dob,
      dob_estimated: o.estimated ?? false,
      sex,
      ethnicity: rng.chance(0.03) ? rng.pick(["NOBT", "REFU"] as const) : c.ethnicity,
      first_language: uk ? "eng" : c.language,
      disability: rng.chance(0.9) ? rng.chance(0.06) : null,
      uasc: o.uasc ?? false,
      nhs_number: rng.chance(o.uasc ? 0.5 : 0.95) ? this.ids.nhsNumber() : null,
      upn: ageYears >= 4 && ageYears <= 18 && !o.uasc ? this.ids.upn(la, new Date(born * 86_400_000).getUTCFullYear() + 4) : null,
      restricted: false,
      deceased_date: null,
      search_text: "",
      current_postcode: home.address.postcode,
    };
    const fields = searchFields(p);
    p.search_text = fields.search_text;
    this.made++;
    this.rows.people.push(p);
    for (const key of fields.keys) this.rows.nameKeys.push({ la_code: la, key, person_id: p.id, dob });
    this.addresses(p, home, born);
    return p;
  }

  private addresses(p: PersonSeed, home: Home, born: number): void {
    const add = (a: DemoAddress, from: number, to: number | null): void => {
      this.rows.addresses.push({ la_code: p.la_code, id: this.rng.uuid(), person_id: p.id, line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode, from_date: isoDay(Math.max(from, born)), to_date: to === null ? null : isoDay(to) });
    };
    if (home.previous && born < home.previous.to) add(home.previous.address, home.previous.from, home.previous.to);
    add(home.address, home.from, null);
  }

  /** Stands in for people past the requested count; links to it are dropped. */
  private phantom(): PersonSeed {
    return { id: "", la_code: "", la_child_id: null, given_name: "", family_name: "", other_names: [], dob: "", dob_estimated: false, sex: "female", ethnicity: "NOBT", first_language: "unknown", disability: null, uasc: false, nhs_number: null, upn: null, restricted: false, deceased_date: null, search_text: "", current_postcode: null };
  }

  /** Records that `related` is the `type` of `person`. */
  private link(person: PersonSeed, related: PersonSeed, type: RelationshipType, from: string | null): void {
    if (person.id === "" || related.id === "") return;
    this.rows.relationships.push({ la_code: person.la_code, id: this.rng.uuid(), person_id: person.id, related_person_id: related.id, type, from_date: from });
  }
}
