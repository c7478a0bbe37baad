import { COMMUNITIES } from "../apps/server/src/demo/demo-names.ts";
import type { SeededRandom } from "../apps/server/src/demo/seeded-random.ts";

// Every spelling group the generator uses, by spelling, so a query can use another.
const GROUPS = new Map<string, readonly string[]>();
for (const c of COMMUNITIES) for (const g of [...c.male, ...c.female, ...c.family, ...(c.femaleFamily ?? [])]) for (const s of g) if (g.length > 1) GROUPS.set(s, g);

/** A typing slip: two neighbouring letters swapped, one dropped, or one doubled. */
export function typo(rng: SeededRandom, word: string): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return `${word.slice(0, i)}${word.charAt(i + 1)}${word.charAt(i)}${word.slice(i + 2)}`;
    case 1:
      return `${word.slice(0, i)}${word.slice(i + 1)}`;
    default:
      return `${word.slice(0, i)}${word.charAt(i)}${word.slice(i)}`;
  }
}

/** Another spelling of the name where one is known, else the name. */
export function respell(rng: SeededRandom, word: string): string {
  const group = GROUPS.get(word);
  if (!group) return word;
  const others = group.filter((s) => s !== word && !s.includes(" "));
  return others.length > 0 ? rng.pick(others) : word;
}

/** What a practitioner might type for a person: first given name and family name, misspelt, respelt or swapped. */
export function perturbName(rng: SeededRandom, given: string, family: string): string {
  let first = given.split(" ")[0] ?? given;
  let last = family;
  if (rng.chance(0.4)) first = respell(rng, first);
  if (rng.chance(0.3)) last = respell(rng, last);
  if (rng.chance(0.35)) first = typo(rng, first);
  if (rng.chance(0.35)) last = typo(rng, last);
  return rng.chance(0.25) ? `${last} ${first}` : `${first} ${last}`;
}

/** The date of birth as typed: exact (half the time), year and month, year, or approximate. */
export function perturbDob(rng: SeededRandom, dob: string): string {
  const r = rng.next();
  if (r < 0.5) return dob;
  if (r < 0.7) return dob.slice(0, 7);
  if (r < 0.85) return dob.slice(0, 4);
  return `~${dob}`;
}
