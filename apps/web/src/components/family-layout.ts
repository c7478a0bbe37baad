import type { Person, Relationship } from "@family-story/schemas";

/** Generations relative to the person: -2 grandparents … +2 grandchildren. */
export type Generation = -2 | -1 | 0 | 1 | 2;

/** Short labels for the left edge of each row of the diagram. */
export const ROW_LABELS: Record<Generation, string> = {
  [-2]: "Grandparents",
  [-1]: "Parents",
  0: "Person & siblings",
  1: "Children",
  2: "Grandchildren",
};

export const GENERATION_LABELS: Record<Generation, string> = {
  [-2]: "Grandparents",
  [-1]: "Parents and step-parents",
  0: "Person, partners and siblings",
  1: "Children",
  2: "Grandchildren",
};

/** One person in the diagram, placed. */
export interface FamilyNode {
  key: string;
  id: string;
  name: string;
  relationship: string;
  type: Relationship["type"] | "subject";
  sex: Person["sex"];
  age: number | null;
  deceased: boolean;
  canOpen: boolean;
  household: boolean;
  generation: Generation;
  x: number;
  y: number;
}

export interface FamilyLayout {
  nodes: FamilyNode[];
  width: number;
  height: number;
  rows: { generation: Generation; y: number }[];
  subject: FamilyNode;
  notShown: Relationship[];
}

export const NODE_WIDTH = 160;
export const ROW_HEIGHT = 150;
export const SHAPE = 44;
const LEFT_GUTTER = 130;
const TOP = 50;

const GENERATION_OF: Partial<Record<Relationship["type"], Generation>> = {
  grandparent: -2,
  parent: -1,
  step_parent: -1,
  partner: 0,
  sibling: 0,
  half_sibling: 0,
  child: 1,
  step_child: 1,
  grandchild: 2,
};

/** Parents before step-parents, children before step-children. */
const ORDER: Partial<Record<Relationship["type"] | "subject", number>> = { parent: 0, step_parent: 1, child: 0, step_child: 1 };

/**
 * Places the person's family in generation rows. Household members are kept next to each
 * other in each row so one dashed boundary per row can enclose them.
 */
export function layoutFamily(person: Person): FamilyLayout {
  const subjectDeceased = person.deceasedDate !== null;
  const base: Omit<FamilyNode, "x" | "y">[] = [
    {
      key: "subject",
      id: person.id,
      name: `${person.givenName} ${person.familyName}`,
      relationship: "This person",
      type: "subject",
      sex: person.sex,
      age: person.age,
      deceased: subjectDeceased,
      canOpen: true,
      household: true,
      generation: 0,
    },
  ];
  const notShown: Relationship[] = [];
  for (const r of person.relationships) {
    const generation = GENERATION_OF[r.type];
    if (generation === undefined) {
      notShown.push(r);
      continue;
    }
    base.push({
      key: r.id,
      id: r.person.id,
      name: r.person.name,
      relationship: r.label,
      type: r.type,
      sex: r.person.sex,
      age: r.person.age,
      deceased: r.person.deceased,
      canOpen: r.person.canOpen,
      household: r.person.sameHousehold,
      generation,
    });
  }
  const generations = ([-2, -1, 0, 1, 2] as const).filter((g) => base.some((n) => n.generation === g));
  const rowsOf = generations.map((g) => {
    const inRow = base.filter((n) => n.generation === g);
    inRow.sort((a, b) => {
      if (g === 0) {
        // Household siblings sit next to the person; others further out.
        const rank = (n: (typeof inRow)[number]) => (n.type === "subject" ? 2 : n.type === "partner" ? (n.household ? 3 : 4) : n.household ? 1 : 0);
        return rank(a) - rank(b);
      }
      return Number(b.household) - Number(a.household) || (ORDER[a.type] ?? 0) - (ORDER[b.type] ?? 0);
    });
    return inRow;
  });
  const widest = Math.max(...rowsOf.map((r) => r.length));
  const width = LEFT_GUTTER + widest * NODE_WIDTH + 20;
  const nodes: FamilyNode[] = [];
  const rows: FamilyLayout["rows"] = [];
  rowsOf.forEach((row, i) => {
    const generation = generations[i] ?? 0;
    const y = TOP + i * ROW_HEIGHT;
    rows.push({ generation, y });
    const rowWidth = row.length * NODE_WIDTH;
    const start = LEFT_GUTTER + (widest * NODE_WIDTH - rowWidth) / 2 + NODE_WIDTH / 2;
    row.forEach((n, j) => nodes.push({ ...n, x: start + j * NODE_WIDTH, y }));
  });
  const subject = nodes.find((n) => n.type === "subject");
  if (!subject) throw new Error("The person is always in the diagram");
  return { nodes, width, height: TOP + rowsOf.length * ROW_HEIGHT - 30, rows, subject, notShown };
}

/** Words for one person in the diagram, for the table and the description. */
export function describeNode(n: FamilyNode): string {
  const who = n.canOpen ? n.name : "a person you cannot open";
  const parts = [n.type === "subject" ? `${who} (this person)` : `${n.relationship}: ${who}`];
  if (n.age !== null) parts.push(`age ${n.age}`);
  if (n.deceased) parts.push("deceased");
  if (n.household && n.type !== "subject") parts.push("lives in the same household");
  return parts.join(", ");
}
