import { inflateSync } from "node:zlib";

/** WinAnsi's characters at 0x80–0x9F (elsewhere it is Latin-1). */
const WIN_ANSI: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž",
  0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};
const winAnsi = (bytes: Buffer): string => [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join("");

/** Every content stream of the PDF, inflated (drawing operators and marked-content tags). */
export function pdfStreams(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // Not a deflated stream (none here, but a font file could be): skip it.
    }
  }
  return out;
}

/**
 * The text a PDF shows, in drawing order, read back without a PDF library: each content stream
 * is inflated (node:zlib) and the strings of its TJ operators taken, one piece per operator,
 * joined by spaces. pdfkit writes the standard fonts' text as hex strings in WinAnsi, which is
 * Latin-1 apart from 0x80–0x9F (dashes, curly quotes, the euro).
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  for (const content of pdfStreams(pdf)) {
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      out.push([...(tj[1] ?? "").matchAll(/<([0-9a-f]*)>/g)].map((h) => winAnsi(Buffer.from(h[1] ?? "", "hex"))).join(""));
    }
  }
  return out.join(" ").replace(/\s+/g, " ");
}

/** How many pages the PDF has (its page objects). */
export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString("latin1").matchAll(/\/Type \/Page\b/g)].length;
}
