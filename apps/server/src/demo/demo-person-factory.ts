import { nameSearchKeys, nhsCheckDigit, upnCheckLetter, type EthnicityCode, type LanguageCode } from "@family-story/domain";
import type { OtherName } from "../db/database-types.ts";
import { allNames, personSearchText } from "../data/person-keys.ts";
import type { Community, NameGroup } from "./demo-names.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** A person row as the bulk insert writes it (column names as in the table). */
export interface PersonSeed {
  la_code: string;
  id: string;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
  other_names: OtherName[];
  dob: string;
  dob_estimated: boolean;
  sex: "male" | "female";
  ethnicity: EthnicityCode;
  first_language: LanguageCode;
  disability: boolean | null;
  uasc: boolean;
  nhs_number: string | null;
  upn: string | null;
  restricted: boolean;
  deceased_date: string | null;
  search_text: string;
  current_postcode: string | null;
}

/** A name as registered, with the other spellings of each part it could have been written in. */
export interface ChosenName {
  given: string;
  family: string;
  givenAlt: string | null;
  familyAlt: string | null;
}

const DAY_MS = 86_400_000;

/** ISO date of a day number (days since 1970-01-01). */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of an ISO date. */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** One spelling of a name group, and another spelling where there is one. */
export function spell(rng: SeededRandom, group: NameGroup): { name: string; alt: string | null } {
  const name = rng.pick(group);
  const others = group.filter((s) => s !== name);
  return { name, alt: others.length > 0 ? rng.pick(others) : null };
}

/** Polish family names agree with sex (Kowalski, Kowalska). */
export function genderedFamily(name: string, sex: "male" | "female", community: Community): string {
  if (community.key !== "polish" || sex === "male") return name;
  return name.replace(/([sc])ki$/, "$1ka");
}

/** A given name of the community, sometimes with a second given name. */
export function givenName(rng: SeededRandom, community: Community, sex: "male" | "female"): { name: string; alt: string | null } {
  const list = sex === "male" ? community.male : community.female;
  const first = spell(rng, rng.pick(list));
  const muslimFirst = sex === "male" && (community.key === "bangladeshi" || community.key === "pakistani") && rng.chance(0.35);
  if (muslimFirst) {
    const second = spell(rng, rng.pick(list.slice(1)));
    const md = spell(rng, list[0] ?? ["Mohammed"]);
    return { name: `${md.name} ${second.name}`, alt: md.alt ? `${md.alt} ${second.name}` : null };
  }
  if (rng.chance(0.1)) {
    const middle = rng.pick(rng.pick(list));
    if (middle !== first.name) return { name: `${first.name} ${middle}`, alt: first.alt ? `${first.alt} ${middle}` : null };
  }
  return first;
}

/**
 * Issues identifiers that are unique within one generation run and valid by their check
 * digits: NHS numbers from the 99 range (never issued to real patients' records here),
 * UPNs with the authority's DfE number.
 */
export class IdentifierIssuer {
  private nhsCounter = 0;
  private upnCounter = 0;
  private childCounter = 0;

  /** A ten-digit NHS number with a modulus-11 check digit. */
  nhsNumber(): string {
    for (;;) {
      // A bijection on 0..9,999,999 scatters consecutive people over the range.
      const n = (this.nhsCounter++ * 7_919_723) % 10_000_000;
      const stem = `99${String(n).padStart(7, "0")}`;
      const check = nhsCheckDigit(stem);
      if (check !== null) return `${stem}${check}`;
    }
  }

  /** A thirteen-character UPN: check letter, LA number, establishment, year, serial. */
  upn(laCode: string, yearOfEntry: number): string {
    const c = this.upnCounter++;
    const la = laCode === "E09000020" ? "207" : "213";
    const establishment = String(2000 + (Math.floor(c / 1000) % 8000)).padStart(4, "0");
    const rest = `${la}${establishment}${String(yearOfEntry % 100).padStart(2, "0")}${String(c % 1000).padStart(3, "0")}`;
    return `${upnCheckLetter(rest) ?? "A"}${rest}`;
  }

  /** The authority's own child id. */
  laChildId(laCode: string): string {
    return `${laCode === "E09000020" ? "K" : "W"}${String(++this.childCounter).padStart(7, "0")}`;
  }
}

/** The keys and folded text search uses, computed as the service computes them on write. */
export function searchFields(p: PersonSeed): { search_text: string; keys: string[] } {
  const names = allNames(p.given_name, p.family_name, p.other_names);
  return { search_text: personSearchText(p.given_name, p.family_name, p.other_names), keys: nameSearchKeys(...names) };
}

/** Other names a person is known by: another spelling, a birth name, or names recorded the other way round. */
export function otherNamesFor(rng: SeededRandom, community: Community, name: ChosenName, birthFamily: string | null): OtherName[] {
  const out: OtherName[] = [];
  if ((name.givenAlt || name.familyAlt) && rng.chance(0.3)) {
    out.push({ givenName: name.givenAlt ?? name.given, familyName: name.familyAlt ?? name.family, kind: "transliteration" });
  }
  if (birthFamily && birthFamily !== name.family) out.push({ givenName: name.given, familyName: birthFamily, kind: "birth" });
  // Vietnamese and Chinese names are often recorded family-name first by one agency.
  if ((community.key === "vietnamese" || community.key === "chinese") && rng.chance(0.15)) {
    out.push({ givenName: name.family, familyName: name.given, kind: "alias" });
  }
  return out;
}
