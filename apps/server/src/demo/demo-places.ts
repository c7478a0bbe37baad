import type { SeededRandom } from "./seeded-random.ts";

/**
 * Invented addresses in the real postcode districts of the two boroughs. Street names are
 * made up from common parts, so no address belongs to a real household.
 */
const DISTRICTS: Record<string, readonly string[]> = {
  E09000033: ["W2", "W2", "W9", "W9", "NW8", "NW8", "W1H", "W1U", "SW1V", "SW1P", "SW1W", "NW1", "W10"],
  E09000020: ["W10", "W10", "W11", "W11", "W8", "SW5", "SW10", "SW3", "SW7", "W14"],
};

const STREET_FIRST = [
  "Alder", "Ashby", "Bramley", "Carlow", "Clement", "Dunmore", "Elmfield", "Fenwick", "Garland", "Harcourt", "Hollis",
  "Inverleigh", "Kestrel", "Lambourne", "Larch", "Marlow", "Netherby", "Orchard", "Pelham", "Quarry", "Rowan", "Selwood",
  "Tamworth", "Upton", "Valence", "Wexford", "Whitmore", "Yardley", "Beaufort", "Calloway", "Denholm", "Everleigh",
];
const STREET_KIND = ["Street", "Road", "Gardens", "Crescent", "Terrace", "Mews", "Place", "Square", "Grove", "Walk", "Villas"];
const BLOCK_KIND = ["House", "Court", "Mansions", "Tower", "Lodge"];
// Inward-code letters never use C, I, K, M, O or V.
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ".split("");

export interface DemoAddress {
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
}

/** A plausible invented address in one of the authority's postcode districts. */
export function demoAddress(rng: SeededRandom, laCode: string): DemoAddress {
  const districts = DISTRICTS[laCode] ?? DISTRICTS.E09000033 ?? ["W2"];
  const district = rng.pick(districts);
  const inward = `${rng.int(1, 9)}${rng.pick(INWARD_LETTERS)}${rng.pick(INWARD_LETTERS)}`;
  const street = `${rng.pick(STREET_FIRST)} ${rng.pick(STREET_KIND)}`;
  const flat = rng.chance(0.55);
  return {
    line1: flat ? `Flat ${rng.int(1, 48)}, ${rng.pick(STREET_FIRST)} ${rng.pick(BLOCK_KIND)}` : `${rng.int(1, 180)} ${street}`,
    line2: flat ? street : null,
    town: "London",
    postcode: `${district} ${inward}`,
  };
}
