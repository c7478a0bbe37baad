/**
 * Name keys for finding people the way names are really written. Computed on write and
 * indexed, so the same search works on PostgreSQL 15, PGlite and a sharded cluster without
 * database-specific phonetic functions.
 *
 * - `foldName` strips accents and punctuation ("Nguyễn" → "nguyen").
 * - `skeletonKey` reduces a name to a transliteration-tolerant consonant skeleton
 *   (Mohammed, Muhammad, Mohamed, Mohamud → "mmd"; Chowdhury, Chaudhry → "cdr").
 */

/** Lower-cases, removes diacritics and keeps letters, spaces, hyphens and apostrophes folded to spaces. */
export function foldName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z\s'-]/g, "")
    .replace(/['-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits a name into folded tokens ("Abdul-Rahman" → ["abdul", "rahman"]). */
export function nameTokens(value: string): string[] {
  const folded = foldName(value);
  return folded === "" ? [] : folded.split(" ");
}

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

// Spellings that transliterate one sound several ways are brought to one form first.
const DIGRAPHS: [RegExp, string][] = [
  [/ph/g, "f"],
  [/kh/g, "k"],
  [/gh/g, "g"],
  [/ck/g, "k"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/c(?=[eiy])/g, "s"],
  [/ch/g, "c"],
  [/c/g, "k"],
  [/z/g, "s"],
  [/dj/g, "j"],
  [/w/g, ""],
];

// An initial C is hard (Catherine = Kathryn) unless it starts "ch" (Chowdhury) or is soft (Cyrus).
function initialC(next: string): string {
  if (next === "h") return "c";
  return "eiy".includes(next) && next !== "" ? "s" : "k";
}

/**
 * A transliteration-tolerant key for one name token: the first letter (any vowel as "a"),
 * then the consonants with h, w and y dropped and doubled letters collapsed.
 */
export function skeletonKey(token: string): string {
  const folded = foldName(token).replace(/\s/g, "");
  if (folded === "") return "";
  const first = folded.charAt(0);
  let rest = folded.slice(1);
  for (const [pattern, replacement] of DIGRAPHS) rest = rest.replace(pattern, replacement);
  // "ch" at the start stays "c" (Chowdhury), other first letters stay themselves.
  const head = VOWELS.has(first) && first !== "y" ? "a" : first === "c" ? initialC(folded.charAt(1)) : first === "q" ? "k" : first;
  if (head === "c" && folded.charAt(1) === "h") rest = rest.replace(/^h/, "");
  let key = head;
  let previous = head;
  for (const ch of rest) {
    if (VOWELS.has(ch)) {
      previous = "";
      continue;
    }
    if (ch === "h") continue;
    if (ch === previous) continue;
    key += ch;
    previous = ch;
  }
  return key;
}

/**
 * The index keys of one name token: its skeleton ("s:mmd", for other spellings) and its
 * first three letters ("p:moh", for typos later in the word and for names typed in part).
 */
export function tokenKeys(token: string): string[] {
  const folded = foldName(token).replace(/\s/g, "");
  if (folded === "") return [];
  return [`s:${skeletonKey(folded)}`, `p:${folded.slice(0, 3)}`];
}

/** The distinct keys of every token of every name given. */
export function nameSearchKeys(...names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const token of nameTokens(name)) for (const key of tokenKeys(token)) keys.add(key);
  }
  return [...keys];
}

/** The folded full name that trigram similarity runs on ("given family" and aliases). */
export function searchText(...names: (string | null | undefined)[]): string {
  return names
    .filter((n): n is string => Boolean(n))
    .map(foldName)
    .filter((n) => n !== "")
    .join(" ");
}
