import { describe, expect, it } from "vitest";
import { draftLetter, letterBlocks, longDate } from "./lac-review-letter.ts";

describe("the letter to the child", () => {
  it("writes dates the way a child reads them", () => {
    expect(longDate("2025-03-04")).toBe("4 March 2025");
    expect(longDate("not a date")).toBe("not a date");
  });

  it("drafts from the review: who, when, what they said, what was agreed and the next review", () => {
    const letter = draftLetter({
      childName: "Sunny",
      reviewDate: "2025-01-14",
      childViews: "I want to see my brother more",
      decisions: [
        { decision: "Arrange contact with Sam", owner: "Jo Smith", dueDate: "2025-02-01" },
        { decision: "Join the swimming club.", owner: "Mrs Khan (foster carer)", dueDate: null },
        { decision: "Book a dentist", owner: null, dueDate: "2025-03-01" },
      ],
      nextReviewBy: "2025-04-14",
      iroName: "Pat Iro",
    });
    expect(letter).toContain("Dear Sunny,");
    expect(letter).toContain("We met for your review on 14 January 2025.");
    expect(letter).toContain("You told us: I want to see my brother more.");
    expect(letter).toContain("- Arrange contact with Sam. Jo Smith will do this by 1 February 2025.");
    expect(letter).toContain("- Join the swimming club. Mrs Khan (foster carer) will do this.");
    expect(letter).toContain("- Book a dentist. This will happen by 1 March 2025.");
    expect(letter).toContain("Your next review will be by 14 April 2025.");
    expect(letter.trim().endsWith("From Pat Iro")).toBe(true);
  });

  it("says so kindly when the child's views were not heard and nothing was agreed", () => {
    const letter = draftLetter({ childName: "Ali", reviewDate: "2025-01-14", childViews: "  ", decisions: [], nextReviewBy: null, iroName: null });
    expect(letter).toContain("We did not hear from you this time.");
    expect(letter).toContain("We did not agree any changes this time.");
    expect(letter).toContain("You do not need another review at the moment.");
    expect(letter).toContain("From your Independent Reviewing Officer");
  });

  it("reads the letter back as headings, paragraphs and lists in order", () => {
    const blocks = letterBlocks("Dear Sunny,\r\n\r\nFirst line\nwraps on.\n\n# What we agreed\n- One\n- Two\nAfter the list.\n\n\n# Next\nBy May.");
    expect(blocks).toEqual([
      { kind: "paragraph", text: "Dear Sunny," },
      { kind: "paragraph", text: "First line wraps on." },
      { kind: "heading", text: "What we agreed" },
      { kind: "list", items: ["One", "Two"] },
      { kind: "paragraph", text: "After the list." },
      { kind: "heading", text: "Next" },
      { kind: "paragraph", text: "By May." },
    ]);
    // The draft round-trips into the same structure the PDF lays out.
    const kinds = letterBlocks(draftLetter({ childName: "A", reviewDate: "2025-01-14", childViews: null, decisions: [{ decision: "X", owner: null, dueDate: null }], nextReviewBy: "2025-04-14", iroName: "B" })).map((b) => b.kind);
    expect(kinds).toEqual(["paragraph", "paragraph", "heading", "paragraph", "heading", "list", "heading", "paragraph", "paragraph", "paragraph"]);
  });
});
