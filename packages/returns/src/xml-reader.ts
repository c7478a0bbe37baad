/**
 * Reads the XML form of the SSDA903 return (EXPSSDA903 > CHILD > HEADER, EPISODE…) into the
 * same tables the CSV form gives, so everything after reading treats both alike.
 *
 * Per CHILD: HEADER's CHILDID, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB make the Header row (the
 * UASC flag is kept as an extra Header column, as the rules read it); DUC (or UASC = 1) makes a
 * UASC row; IN_TOUCH/ACTIV/ACCOM an OC3 row; DATE_INT…LS_ADOPTR an AD1 row; and each AREVIEW,
 * PERMANENCE, OC2, AD_PLACED (or PLACED_ADOPTION), AMISSING (or MISSING) element a Reviews,
 * PrevPerm, OC2, PlacedAdoption or Missing row. Each EPISODE is an Episodes row, with PL read as
 * PLACE. Any other element with children is read as the one table whose columns cover its
 * fields (e.g. social worker episodes, DoLo). CHILD, DOB and SEX come from the HEADER.
 *
 * Absent and empty elements are both null. A row's `line` is the 1-based ordinal of the CHILD
 * element it came from (the files are often a single line, so text lines would say nothing).
 * Rows keep document order within each table.
 */
import { XMLParser } from "fast-xml-parser";
import { CinFileError } from "./cin/cin-file-error.ts";
import { scanXml } from "./cin/xml-scanner.ts";
import { cellValue, type Ssda903File } from "./csv-reader.ts";
import { Ssda903FileError } from "./file-error.ts";
import { SSDA903_TABLE_NAMES, SSDA903_TABLES, type Ssda903Row, type Ssda903Table, type Ssda903TableName, type Ssda903Value } from "./ssda903-tables.ts";

/** Tables read from one XML file, plus notes on anything that was not read. */
export interface Ssda903XmlResult {
  readonly tables: Partial<Record<Ssda903TableName, Ssda903Table>>;
  readonly warnings: readonly string[];
}

/** A parsed element: text for a leaf, or its children by tag (every tag parsed as a list). */
type XmlElement = string | XmlNode;
interface XmlNode {
  readonly [tag: string]: readonly XmlElement[] | undefined;
}

const PARSER = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: () => true });

/** Header containers and the table each makes one row of. */
const HEADER_CONTAINERS: Readonly<Record<string, Ssda903TableName>> = {
  AREVIEW: "Reviews",
  PERMANENCE: "PrevPerm",
  OC2: "OC2",
  OC3: "OC3",
  AD1: "AD1",
  AD_PLACED: "PlacedAdoption",
  PLACED_ADOPTION: "PlacedAdoption",
  AMISSING: "Missing",
  MISSING: "Missing",
};

/** Tables whose fields sit directly in HEADER rather than in a container. */
const FLAT_TABLES: readonly Ssda903TableName[] = ["UASC", "OC3", "AD1"];
const FLAT_FIELDS = new Map<string, Ssda903TableName>(FLAT_TABLES.flatMap((t) => tableFields(t).map((f) => [f, t] as const)));
const HEADER_FIELDS = new Set<string>(SSDA903_TABLES.Header);
/** Element names that differ from the CSV column names. */
const RENAMES: Readonly<Record<string, string>> = { CHILDID: "CHILD", PL: "PLACE" };

/** A table's columns other than the identifying CHILD, DOB and SEX. */
function tableFields(table: Ssda903TableName): readonly string[] {
  return SSDA903_TABLES[table].filter((c) => c !== "CHILD" && c !== "DOB" && c !== "SEX");
}

function isNode(element: XmlElement | undefined): element is XmlNode {
  return typeof element === "object";
}

/** Collects the rows of one table; columns are the specification's, then extras as met. */
class TableRows {
  readonly columns: string[];
  readonly rows: Record<string, Ssda903Value>[] = [];
  readonly lines: number[] = [];

  constructor(readonly table: Ssda903TableName) {
    this.columns = [...SSDA903_TABLES[table]];
  }

  add(line: number, values: Record<string, Ssda903Value>): void {
    for (const column of Object.keys(values)) if (!this.columns.includes(column)) this.columns.push(column);
    this.rows.push(values);
    this.lines.push(line);
  }

  build(file: string): Ssda903Table {
    const rows = this.rows.map((values, i): Ssda903Row => {
      const full: Record<string, Ssda903Value> = {};
      for (const column of this.columns) full[column] = values[column] ?? null;
      return { file, line: this.lines[i] ?? 0, values: full };
    });
    return { table: this.table, columns: this.columns, rows };
  }
}

/** The leaf fields of an element as column → value (renamed; empty → null). */
function leaves(node: XmlNode): Map<string, Ssda903Value> {
  const out = new Map<string, Ssda903Value>();
  for (const [tag, list] of Object.entries(node)) {
    const first = list?.[0];
    if (typeof first === "string") out.set(RENAMES[tag] ?? tag, cellValue(first));
  }
  return out;
}

/** The element's child containers, in tag order then document order. */
function containers(node: XmlNode): [string, XmlNode][] {
  return Object.entries(node).flatMap(([tag, list]) => (list ?? []).filter(isNode).map((child): [string, XmlNode] => [tag, child]));
}

/** The one table whose fields include every given field, or undefined. */
function tableCovering(fields: readonly string[]): Ssda903TableName | undefined {
  const tables = SSDA903_TABLE_NAMES.filter((t) => t !== "Header" && t !== "Episodes" && fields.every((f) => SSDA903_TABLES[t].some((c) => c === f)));
  return tables.length === 1 ? tables[0] : undefined;
}

/**
 * Throws Ssda903FileError at the line of the first syntax error (the parser itself is lenient).
 * The well-formedness check is the returns package's own scanner, which runs in the browser too.
 */
function checkWellFormed(file: Ssda903File): void {
  try {
    scanXml(file.name, file.text, { open: () => undefined, close: () => undefined });
  } catch (error) {
    if (error instanceof CinFileError) throw new Ssda903FileError(file.name, error.line, error.problem);
    throw error;
  }
}

/**
 * Parses an SSDA903 XML file into tables. Throws Ssda903FileError when the text is not
 * well-formed XML (naming the line), has no EXPSSDA903 root, or a CHILD lacks HEADER/CHILDID.
 */
export function readSsda903Xml(file: Ssda903File): Ssda903XmlResult {
  checkWellFormed(file);
  const document = PARSER.parse(file.text) as XmlNode;
  const root = document.EXPSSDA903?.[0];
  if (root === undefined) throw new Ssda903FileError(file.name, null, "The root element is not EXPSSDA903, so this is not an SSDA903 XML file.");
  const builders = new Map<Ssda903TableName, TableRows>();
  const warnings = new Set<string>();
  const add = (table: Ssda903TableName, line: number, values: Record<string, Ssda903Value>): void => {
    let builder = builders.get(table);
    if (builder === undefined) builders.set(table, (builder = new TableRows(table)));
    builder.add(line, values);
  };

  const children = isNode(root) ? (root.CHILD ?? []) : [];
  children.forEach((child, index) => {
    readChild(file.name, child, index + 1, add, warnings);
  });

  const tables: Partial<Record<Ssda903TableName, Ssda903Table>> = {};
  for (const name of SSDA903_TABLE_NAMES) {
    const builder = builders.get(name);
    if (builder !== undefined) tables[name] = builder.build(file.name);
  }
  return { tables, warnings: [...warnings] };
}

type AddRow = (table: Ssda903TableName, line: number, values: Record<string, Ssda903Value>) => void;

function readChild(file: string, child: XmlElement, line: number, add: AddRow, warnings: Set<string>): void {
  const header = isNode(child) ? child.HEADER?.[0] : undefined;
  if (!isNode(child) || !isNode(header)) throw new Ssda903FileError(file, line, `CHILD number ${line} has no HEADER.`);
  const fields = leaves(header);
  const id = fields.get("CHILD") ?? null;
  if (id === null) throw new Ssda903FileError(file, line, `CHILD number ${line} has no CHILDID.`);
  const dob = fields.get("DOB") ?? null;
  const sex = fields.get("SEX") ?? null;

  const headerRow: Record<string, Ssda903Value> = {};
  const flat = new Map<Ssda903TableName, Record<string, Ssda903Value>>();
  for (const [field, value] of fields) {
    if (Object.hasOwn(HEADER_CONTAINERS, field)) continue; // an empty container, e.g. <AMISSING />
    const flatTable = FLAT_FIELDS.get(field);
    if (flatTable !== undefined) {
      flat.set(flatTable, { ...flat.get(flatTable), [field]: value });
    } else {
      if (!HEADER_FIELDS.has(field) && field !== "UASC") warnings.add(`HEADER field ${field} is not in the specification; kept as a Header column.`);
      headerRow[field] = value;
    }
  }
  add("Header", line, headerRow);
  const uascFlag = fields.get("UASC") ?? null;
  if (uascFlag === "1" && !flat.has("UASC")) flat.set("UASC", { DUC: null });
  for (const [table, values] of flat) {
    add(table, line, { CHILD: id, ...(table === "UASC" ? { SEX: sex } : {}), DOB: dob, ...values });
  }

  const read = (tag: string, element: XmlNode, known: Ssda903TableName | undefined): void => {
    const values = leaves(element);
    const table = known ?? tableCovering([...values.keys()]);
    if (table === undefined) {
      warnings.add(`Element ${tag} matches no SSDA903 table; it was not read.`);
      return;
    }
    const row: Record<string, Ssda903Value> = table === "Episodes" ? { CHILD: id } : { CHILD: id, DOB: dob };
    if (table === "UASC") row.SEX = sex;
    add(table, line, { ...row, ...Object.fromEntries(values) });
  };
  for (const [tag, element] of containers(header)) read(tag, element, HEADER_CONTAINERS[tag]);
  for (const [tag, element] of containers(child)) {
    if (tag !== "HEADER") read(tag, element, tag === "EPISODE" ? "Episodes" : undefined);
  }
  for (const [tag, list] of Object.entries(child)) {
    if (tag !== "HEADER" && list?.some((e) => typeof e === "string") === true) warnings.add(`CHILD field ${tag} is outside HEADER and EPISODE; it was not read.`);
  }
}
