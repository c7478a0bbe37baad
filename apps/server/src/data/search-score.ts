import { nameTokens, skeletonKey } from "@family-story/domain";
import type { OtherName } from "../db/database-types.ts";
import { dobCloseness, type DobRange } from "./dob-range.ts";

/** What ranking needs of a candidate row. */
export interface Candidate {
  given_name: string;
  family_name: string;
  other_names: unknown;
  dob: string | null;
  nhs_number: string | null;
  upn: string | null;
  current_postcode: string | null;
  sim: number;
}

/** What was asked, already normalised. */
export interface ScoreQuery {
  tokens: string[];
  range: DobRange | null;
  nhsNumber?: string | undefined;
  upn?: string | undefined;
  postcode?: string | undefined;
}

/** Similarity of two short strings by shared bigrams (Dice), for single-token typos. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  const r0 = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) r0[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

// Skeletons of the few thousand distinct name words, computed once each.
const skeletons = new Map<string, string>();
function skeleton(token: string): string {
  let key = skeletons.get(token);
  if (key === undefined) {
    key = skeletonKey(token);
    if (skeletons.size > 50_000) skeletons.clear();
    skeletons.set(token, key);
  }
  return key;
}

type How = "exact" | "start" | "initial" | "spelling" | "typo" | "";

/** How well one typed word matches one word of a recorded name, from 0 to 1. */
export function tokenScore(queryToken: string, nameToken: string): { score: number; how: How } {
  if (queryToken === nameToken) return { score: 1, how: "exact" };
  if (queryToken.length === 1) return nameToken.startsWith(queryToken) ? { score: 0.6, how: "initial" } : { score: 0, how: "" };
  if (nameToken.startsWith(queryToken) && queryToken.length >= 3) return { score: 0.85, how: "start" };
  const longest = Math.max(queryToken.length, nameToken.length);
  // Same consonants and not too far apart in writing: another spelling (Mahmood is not Mohammed).
  if (skeleton(queryToken) === skeleton(nameToken)) return editDistance(queryToken, nameToken) <= Math.max(2, longest * 0.45) ? { score: 0.82, how: "spelling" } : { score: 0.6, how: "typo" };
  // More than two letters' difference in length cannot be one or two edits.
  if (longest >= 4 && Math.abs(queryToken.length - nameToken.length) <= 2) {
    const distance = editDistance(queryToken, nameToken);
    if (distance === 1) return { score: 0.8, how: "typo" };
    if (distance === 2 && longest >= 7) return { score: 0.65, how: "typo" };
  }
  const sim = bigramSimilarity(queryToken, nameToken);
  return sim >= 0.5 ? { score: sim * 0.75, how: "typo" } : { score: 0, how: "" };
}

const HOW_LABEL: Record<Exclude<How, "">, string> = { exact: "name", start: "name", initial: "initial", spelling: "name spelling", typo: "similar name" };

/**
 * Ranks one candidate. Each typed word is matched to its best word of any recorded name (so
 * order does not matter), with a small bonus when first and family names are the right way
 * round; date of birth, NHS number, UPN and postcode add weight.
 */
export function scoreCandidate(c: Candidate, query: ScoreQuery): { score: number; matchedOn: string[] } {
  const matchedOn = new Set<string>();
  let score = 0;
  const tokens = query.tokens;
  const identified = Boolean((query.nhsNumber && c.nhs_number === query.nhsNumber) || (query.upn && c.upn === query.upn));
  if (tokens.length > 0) {
    const given = nameTokens(c.given_name);
    const family = nameTokens(c.family_name);
    const others = (c.other_names as OtherName[]).flatMap((n) => nameTokens(`${n.givenName} ${n.familyName}`));
    const all = [...given, ...family, ...others];
    let total = 0;
    let matched = 0;
    tokens.forEach((qt, i) => {
      let best: { score: number; how: How } = { score: 0, how: "" };
      for (const nt of all) {
        const s = tokenScore(qt, nt);
        if (s.score > best.score) best = s;
      }
      if (best.how !== "") {
        matched++;
        matchedOn.add(HOW_LABEL[best.how]);
      }
      total += best.score;
      const rightWayRound = (i === 0 && given.some((g) => tokenScore(qt, g).score >= 0.8)) || (i === tokens.length - 1 && family.some((f) => tokenScore(qt, f).score >= 0.8));
      if (tokens.length > 1 && rightWayRound) total += 0.03;
    });
    // A name that shares nothing with what was typed is not a match, unless an identifier is.
    if (matched === 0 && !identified) return { score: 0, matchedOn: [] };
    score = 0.9 * (total / tokens.length) + 0.1 * c.sim;
  } else {
    score = 0.5;
  }
  if (query.range && c.dob) {
    const closeness = dobCloseness(query.range, c.dob);
    if (closeness > 0) {
      score += 0.3 * closeness;
      matchedOn.add("date of birth");
    }
  }
  if (query.nhsNumber && c.nhs_number === query.nhsNumber) {
    score += 1;
    matchedOn.add("NHS number");
  }
  if (query.upn && c.upn === query.upn) {
    score += 1;
    matchedOn.add("UPN");
  }
  const pc = query.postcode;
  if (pc && c.current_postcode && (pc.includes(" ") ? c.current_postcode === pc : c.current_postcode.startsWith(`${pc} `))) {
    score += 0.1;
    matchedOn.add("postcode");
  }
  return { score, matchedOn: [...matchedOn] };
}
