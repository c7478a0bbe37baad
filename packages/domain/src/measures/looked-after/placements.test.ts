import { describe, expect, it } from "vitest";
import { ageOn } from "../../dates.ts";
import { ceaseCare, recordChange, startPeriodOfCare, type Episode, type EpisodeResult, type Placement } from "../../episode-derivation.ts";
import { isLookedAfterOn, lookedAfterContinuouslyFor, placementCountInYear } from "../../episode-history.ts";
import type { LegalStatus } from "../../looked-after-codes.ts";
import { addCalendarDays, addCalendarMonths } from "../../working-days.ts";
import { lookedAfterFacts } from "../facts-looked-after.ts";
import type { SubjectEpisode } from "../measure-types.ts";
import { LAC_MEASURE } from "./measure-ids.ts";
import { monthEnd, nextMonth } from "./child-history.ts";
import { child, factsOf } from "./subject-records-fixture.ts";

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CARERS: readonly Placement[] = [
  { place: "U6", provider: "PR1", postcode: "W2 1AA", urn: null, carerId: "carer-a" },
  { place: "U6", provider: "PR1", postcode: "W9 2BB", urn: null, carerId: "carer-b" },
  { place: "U4", provider: "PR4", postcode: "SW1A 1AA", urn: null, carerId: "carer-c" },
  { place: "K2", provider: "PR4", postcode: "N1 1AA", urn: "SC123456" },
  { place: "A4", provider: "PR1", postcode: "E1 1AA", urn: null, carerId: "adopter" },
];
const HOSPITAL: Placement = { place: "T1", provider: null, postcode: null, urn: null };
const STATUSES: readonly LegalStatus[] = ["C1", "C2", "V2", "E1", "V3"];

function ok(result: EpisodeResult, fallback: readonly Episode[]): readonly Episode[] {
  return result.ok ? result.episodes : fallback;
}

/** A random well-formed history from 2014 to 2020, built with the domain's own derivation. */
function randomHistory(next: () => number): readonly Episode[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  let day = addCalendarDays("2014-01-01", Math.floor(next() * 400));
  let episodes: readonly Episode[] = [];
  let current: Placement = pick(CARERS);
  while (day < "2020-12-31") {
    const open = episodes.at(-1)?.end === null;
    const r = next();
    if (!open) episodes = ok(startPeriodOfCare(episodes, { date: day, legalStatus: pick(STATUSES), cin: "N1", placement: (current = pick(CARERS)) }), episodes);
    else if (r < 0.15) episodes = ok(ceaseCare(episodes, { date: day, rec: pick(["E4A", "E8", "E13"] as const) }), episodes);
    else if (r < 0.3) episodes = ok(recordChange(episodes, { date: day, legalStatus: pick(STATUSES), sameCarers: true }), episodes);
    else if (r < 0.45) {
      episodes = ok(recordChange(episodes, { date: day, placement: HOSPITAL, sameCarers: false }), episodes);
      day = addCalendarDays(day, 1 + Math.floor(next() * 6));
      const back = next() < 0.7 ? current : (current = pick(CARERS));
      episodes = ok(recordChange(episodes, { date: day, placement: back, sameCarers: false, reasonPlaceChange: "CARPL" }), episodes);
    } else episodes = ok(recordChange(episodes, { date: day, placement: (current = pick(CARERS)), sameCarers: false, reasonPlaceChange: "CHILD" }), episodes);
    day = addCalendarDays(day, 1 + Math.floor(next() * 300));
  }
  return episodes;
}

function asSubject(e: Episode): SubjectEpisode {
  return {
    caseId: "case-1",
    decom: e.start,
    rne: e.rne,
    ls: e.legalStatus,
    cin: e.cin,
    place: e.placement.place,
    dec: e.end,
    rec: e.rec,
    reasonPlaceChange: e.reasonPlaceChange,
    placeProvider: e.placement.provider,
    plPost: e.placement.postcode,
    urn: e.placement.urn,
    providerId: e.placement.carerId ?? null,
  };
}

describe("the stock measures agree with the domain's episode functions month end by month end", () => {
  it("on 150 random histories: looked after, placements in the 12 months, and the long-term cohort", () => {
    const next = random(20240601);
    const seen = { lookedAfter: 0, threePlus: 0, longTerm: 0 };
    const window = { firstMonth: "2015-01", lastMonth: "2020-12" };
    for (let n = 0; n < 150; n += 1) {
      const history = randomHistory(next);
      const dob = addCalendarDays("2002-01-01", Math.floor(next() * 4000));
      const facts = lookedAfterFacts(child({ dob, episodes: history.map(asSubject) }), window);
      const count = new Map(factsOf(facts, LAC_MEASURE.count).map(([m]) => [m, true]));
      const short = new Map(factsOf(facts, LAC_MEASURE.stabilityShort).map(([m, v]) => [m, v]));
      const long = new Map(factsOf(facts, LAC_MEASURE.stabilityLong).map(([m]) => [m, true]));
      for (let month = window.firstMonth; month <= window.lastMonth; month = nextMonth(month)) {
        const day = monthEnd(month);
        const open = history.filter((e) => e.legalStatus !== "V3" && e.start <= day && (e.end === null || day < e.end));
        const lookedAfter = open.length > 0 && isLookedAfterOn(open, day);
        expect(count.has(month), `${String(n)} ${month}`).toBe(lookedAfter);
        if (!lookedAfter) continue;
        const from = addCalendarDays(addCalendarMonths(day, -12), 1);
        expect(short.get(month), `${String(n)} ${month}`).toBe(placementCountInYear(history, from, day) >= 3 ? 1 : 0);
        expect(long.has(month), `${String(n)} ${month}`).toBe(ageOn(dob, day) < 16 && lookedAfterContinuouslyFor(history, day, 30));
        seen.lookedAfter += 1;
        seen.threePlus += short.get(month) ?? 0;
        seen.longTerm += long.has(month) ? 1 : 0;
      }
    }
    // The histories exercise every branch, not just children never looked after.
    expect(seen.lookedAfter).toBeGreaterThan(1000);
    expect(seen.threePlus).toBeGreaterThan(100);
    expect(seen.longTerm).toBeGreaterThan(100);
  });
});
