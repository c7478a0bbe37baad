import { isValidNhsNumber, isValidUpn, skeletonKey } from "@family-story/domain";
import { describe, expect, it } from "vitest";
import { HouseholdGenerator, type HouseholdRows } from "./demo-households.ts";
import { SeededRandom } from "./seeded-random.ts";

function generate(seed: number, count: number): HouseholdRows {
  const g = new HouseholdGenerator(seed, count);
  const all: HouseholdRows = { people: [], addresses: [], relationships: [], nameKeys: [] };
  for (let r = g.next(); r; r = g.next()) {
    all.people.push(...r.people);
    all.addresses.push(...r.addresses);
    all.relationships.push(...r.relationships);
    all.nameKeys.push(...r.nameKeys);
  }
  return all;
}

describe("SeededRandom", () => {
  it("repeats with the seed and differs between seeds", () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const c = new SeededRandom(8);
    const seq = (r: SeededRandom) => [r.next(), r.int(1, 6), r.uuid()];
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("HouseholdGenerator", () => {
  const rows = generate(42, 3000);

  it("makes exactly the people asked for, the same each time for a seed", () => {
    expect(rows.people).toHaveLength(3000);
    expect(generate(42, 3000).people.map((p) => p.id)).toEqual(rows.people.map((p) => p.id));
    expect(generate(43, 50).people[0]?.id).not.toBe(rows.people[0]?.id);
    expect(new Set(rows.people.map((p) => p.id)).size).toBe(3000);
  });

  it("splits people about 60/40 between Westminster and Kensington and Chelsea", () => {
    const wcc = rows.people.filter((p) => p.la_code === "E09000033").length / rows.people.length;
    expect(wcc).toBeGreaterThan(0.5);
    expect(wcc).toBeLessThan(0.7);
  });

  it("issues valid, unique NHS numbers and UPNs only to school-age children", () => {
    const nhs = rows.people.flatMap((p) => (p.nhs_number ? [p.nhs_number] : []));
    expect(nhs.length).toBeGreaterThan(2500);
    expect(nhs.every(isValidNhsNumber)).toBe(true);
    expect(new Set(nhs).size).toBe(nhs.length);
    const pupils = rows.people.filter((p) => p.upn);
    expect(pupils.length).toBeGreaterThan(300);
    expect(pupils.every((p) => isValidUpn(p.upn ?? ""))).toBe(true);
    expect(new Set(pupils.map((p) => p.upn)).size).toBe(pupils.length);
    for (const p of pupils) {
      const age = 2026 - Number(p.dob.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(4);
      expect(age).toBeLessThanOrEqual(19);
    }
  });

  it("links only people it made, parents older than their children, in every kind of family", () => {
    const byId = new Map(rows.people.map((p) => [p.id, p]));
    const types = new Set(rows.relationships.map((r) => r.type));
    expect([...types].sort()).toEqual(["grandparent", "half_sibling", "parent", "partner", "sibling", "step_parent"]);
    for (const r of rows.relationships) {
      const person = byId.get(r.person_id);
      const related = byId.get(r.related_person_id);
      expect(person && related).toBeTruthy();
      // "related is the parent of person": the parent was born first.
      if (r.type === "parent" || r.type === "grandparent") expect((related?.dob ?? "") < (person?.dob ?? "")).toBe(true);
    }
  });

  it("gives addresses over time in the boroughs' postcode districts", () => {
    expect(rows.addresses.every((a) => /^(W2|W9|W10|W11|W8|W14|W1H|W1U|NW8|NW1|SW1V|SW1P|SW1W|SW5|SW10|SW3|SW7) \d[ABD-HJLNP-UW-Z]{2}$/.test(a.postcode))).toBe(true);
    const previous = rows.addresses.filter((a) => a.to_date !== null);
    expect(previous.length).toBeGreaterThan(300);
    for (const a of previous) expect(a.from_date <= (a.to_date ?? "")).toBe(true);
  });

  it("records other spellings, so search has transliterations to find", () => {
    const alternatives = rows.people.filter((p) => p.other_names.some((o) => o.kind === "transliteration"));
    expect(alternatives.length).toBeGreaterThan(100);
    const mmd = rows.people.filter((p) => p.given_name.split(" ").some((t) => skeletonKey(t) === "mmd"));
    expect(new Set(mmd.map((p) => p.given_name.split(" ")[0])).size).toBeGreaterThanOrEqual(3);
    expect(rows.people.some((p) => p.family_name.startsWith("Nguy"))).toBe(true);
    const ethnicities = new Set(rows.people.map((p) => p.ethnicity));
    expect(ethnicities.size).toBeGreaterThanOrEqual(10);
    expect(rows.nameKeys.length).toBeGreaterThan(rows.people.length * 3);
  });
});
