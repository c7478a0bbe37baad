/**
 * The minutes of a looked-after review written as a letter to the child: a plain-language
 * draft prefilled from the review, which the IRO edits, and the letter read back as blocks
 * (headings, paragraphs, lists) for the PDF. A paragraph starting "# " is a heading; lines
 * starting "- " are list items; blank lines separate paragraphs.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025-03-04" → "4 March 2025". */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${String(Number(m[3]))} ${MONTHS[Number(m[2]) - 1] ?? ""} ${m[1] ?? ""}`;
}

/** What the draft is written from. */
export interface LetterFacts {
  /** The name the child likes to be called. */
  childName: string;
  reviewDate: string;
  childViews: string | null;
  decisions: { decision: string; owner: string | null; dueDate: string | null }[];
  nextReviewBy: string | null;
  iroName: string | null;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** " Sam will do this by 4 March 2025." and its shorter forms. */
function whoAndWhen(owner: string | null, due: string | null): string {
  const by = due === null ? "" : ` by ${longDate(due)}`;
  if (owner !== null) return ` ${owner} will do this${by}.`;
  return due === null ? "" : ` This will happen${by}.`;
}

/** A first draft of the letter, in plain words, for the IRO to make their own. */
export function draftLetter(f: LetterFacts): string {
  const parts: string[] = [`Dear ${f.childName},`, `We met for your review on ${longDate(f.reviewDate)}. This letter tells you what we talked about and what we agreed.`];
  parts.push("# What you told us");
  parts.push(f.childViews !== null && f.childViews.trim() !== "" ? `You told us: ${sentence(f.childViews)}` : "We did not hear from you this time. You can tell me what you think at any time, or ask an advocate to help you.");
  parts.push("# What we agreed");
  if (f.decisions.length === 0) parts.push("We did not agree any changes this time.");
  else parts.push(f.decisions.map((d) => `- ${sentence(d.decision)}${whoAndWhen(d.owner, d.dueDate)}`).join("\n"));
  parts.push("# Your next review");
  parts.push(f.nextReviewBy !== null ? `Your next review will be by ${longDate(f.nextReviewBy)}. Before then, think about what you would like to talk about.` : "You do not need another review at the moment.");
  parts.push(`If you have any questions, or you are not happy about something, please get in touch with me.`);
  parts.push(`From ${f.iroName ?? "your Independent Reviewing Officer"}`);
  return parts.join("\n\n");
}

/** One block of the letter as the PDF lays it out. */
export type LetterBlock = { kind: "heading"; text: string } | { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** Reads the letter's plain text back as headings, paragraphs and lists, in order. */
export function letterBlocks(letter: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const chunk of letter.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      if (list.length > 0) blocks.push({ kind: "list", items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (line.startsWith("# ")) {
        flush();
        blocks.push({ kind: "heading", text: line.slice(2).trim() });
      } else if (line.startsWith("- ")) {
        if (paragraph.length > 0) flush();
        list.push(line.slice(2).trim());
      } else {
        if (list.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}
