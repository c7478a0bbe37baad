import { describe, expect, it } from "vitest";
import { dobRange } from "./dob-range.ts";
import { bigramSimilarity, editDistance, scoreCandidate, tokenScore, type Candidate } from "./search-score.ts";

function candidate(given: string, family: string, extra: Partial<Candidate> = {}): Candidate {
  return { given_name: given, family_name: family, other_names: [], dob: "2015-04-23", nhs_number: null, upn: null, current_postcode: "W2 1AB", sim: 0.5, ...extra };
}

describe("token matching", () => {
  it("grades exact, start, spelling and typo matches", () => {
    expect(tokenScore("rahman", "rahman")).toEqual({ score: 1, how: "exact" });
    expect(tokenScore("rah", "rahman").how).toBe("start");
    expect(tokenScore("muhammad", "mohammed").how).toBe("spelling");
    expect(tokenScore("jnoes", "jones").how).not.toBe("");
    expect(tokenScore("smtih", "smith").how).not.toBe("");
    expect(tokenScore("m", "mohammed").how).toBe("initial");
    expect(tokenScore("smith", "jones").score).toBe(0);
  });

  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("smith", "smtih")).toBe(1);
    expect(editDistance("thompson", "tomson")).toBe(2);
    expect(bigramSimilarity("night", "nacht")).toBeCloseTo(0.25);
  });
});

describe("scoreCandidate", () => {
  const q = (text: string, extra: Partial<Parameters<typeof scoreCandidate>[1]> = {}) => ({ tokens: text.split(" "), range: null, ...extra });

  it("ranks the exact name above other spellings above unrelated names", () => {
    const exact = scoreCandidate(candidate("Mohammed", "Rahman"), q("mohammed rahman")).score;
    const spelling = scoreCandidate(candidate("Muhammad", "Rehman"), q("mohammed rahman")).score;
    const other = scoreCandidate(candidate("Mohammed", "Khan"), q("mohammed rahman")).score;
    expect(exact).toBeGreaterThan(spelling);
    expect(spelling).toBeGreaterThan(other);
    expect(scoreCandidate(candidate("Oliver", "Smith"), q("mohammed rahman")).score).toBe(0);
  });

  it("prefers the right way round but still finds names swapped", () => {
    const right = scoreCandidate(candidate("Rahman", "Mohammed"), q("rahman mohammed")).score;
    const swapped = scoreCandidate(candidate("Mohammed", "Rahman"), q("rahman mohammed")).score;
    expect(swapped).toBeGreaterThan(0.8);
    expect(right).toBeGreaterThan(swapped);
  });

  it("matches other names and adds date of birth and identifiers", () => {
    const c = candidate("Minh", "Nguyễn", { other_names: [{ givenName: "Minh", familyName: "Nguyen", kind: "transliteration" }], nhs_number: "9434765919" });
    const withDob = scoreCandidate(c, q("nguyen minh", { range: dobRange("2015-04-23") }));
    expect(withDob.matchedOn).toEqual(expect.arrayContaining(["name", "date of birth"]));
    const byNhs = scoreCandidate(c, q("nobody", { nhsNumber: "9434765919" }));
    expect(byNhs.score).toBeGreaterThan(1);
    expect(byNhs.matchedOn).toContain("NHS number");
    expect(scoreCandidate(c, q("minh", { postcode: "W2" })).matchedOn).toContain("postcode");
    expect(scoreCandidate(c, q("minh", { postcode: "W2 1AB" })).matchedOn).toContain("postcode");
    expect(scoreCandidate(candidate("Minh", "Le", { current_postcode: "W21 1AB" }), q("minh", { postcode: "W2" })).matchedOn).not.toContain("postcode");
  });
});

describe("spellings that share consonants", () => {
  it("treats close spellings as the same name and distant ones as merely similar", () => {
    for (const [a, b] of [["mohammed", "muhammad"], ["mohammed", "mohamud"], ["chowdhury", "chaudhry"], ["catherine", "kathryn"], ["hussain", "hossain"]] as const) {
      expect(tokenScore(a, b).how, `${a} ${b}`).toBe("spelling");
    }
    expect(tokenScore("mohammed", "mahmood")).toEqual({ score: 0.6, how: "typo" });
  });
});
