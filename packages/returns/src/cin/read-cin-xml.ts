/**
 * Reads a CIN census XML file (Message > Header, Children > Child …) into the tables the rules
 * read, one per module, rows in document order:
 * - Header: every leaf under Header (Collection, Year, ReferenceDate, LEA, …), one row.
 * - ChildIdentifiers, ChildCharacteristics: one row per Child (Ethnicity only; the disabilities
 *   are their own table).
 * - Disabilities: one row per Disability element.
 * - CINdetails: one row per CINdetails module, with a generated CINdetailsID.
 * - Assessments: one row per assessment factor (one row with a blank factor when none), each
 *   with the assessment's generated AssessmentID: rules on factors compare the rows of one
 *   assessment. AssessmentFactorsList: one row per factor.
 * - CINplanDates, Section47, ChildProtectionPlans (with a generated CPPID): one row per module.
 * - Reviews: one row per CPPreviewDate, with its plan's CPPID.
 * Every row below the Header carries LAchildID; rows below CINdetails carry its CINdetailsID.
 * Generated IDs are the 0-based position of their module in its table, as text. Element names
 * are kept as column names (the first of a repeated field counts). Absent and empty elements are
 * both null. The file is read in one streaming pass (xml-scanner.ts), which also checks it is
 * well-formed.
 */
import { CinFileError } from "./cin-file-error.ts";
import { CIN_TABLE_NAMES, type CinInput, type CinTableName, type CinValue } from "./cin-table.ts";
import { scanXml } from "./xml-scanner.ts";

/** A CIN census file's name and text. */
export interface CinFile {
  readonly name: string;
  readonly text: string;
}

/** The tables read from one file, plus notes on anything that was not read. */
export interface CinXmlResult {
  readonly tables: CinInput;
  readonly warnings: readonly string[];
}

type Fields = Record<string, CinValue>;
interface Assessment {
  readonly fields: Fields;
  readonly factors: CinValue[];
}
interface Plan {
  readonly fields: Fields;
  readonly reviews: CinValue[];
}
interface Episode {
  readonly fields: Fields;
  readonly assessments: Assessment[];
  readonly plans: Fields[];
  readonly enquiries: Fields[];
  readonly protection: Plan[];
}
interface ChildRecord {
  readonly identifiers: Fields;
  readonly characteristics: Fields;
  readonly disabilities: CinValue[];
  readonly episodes: Episode[];
}

/** Elements whose leaves make a record, and where each may stand. */
const MODULE_PARENTS: Readonly<Record<string, string>> = {
  ChildIdentifiers: "Child",
  ChildCharacteristics: "Child",
  CINdetails: "Child",
  Assessments: "CINdetails",
  CINPlanDates: "CINdetails",
  Section47: "CINdetails",
  ChildProtectionPlans: "CINdetails",
};
/** Repeated leaves collected as lists, by the module they belong to (at any depth below it). */
const LIST_LEAVES: Readonly<Record<string, string>> = { Disability: "ChildCharacteristics", AssessmentFactors: "Assessments", CPPreviewDate: "ChildProtectionPlans" };
/** Elements that hold other elements; read empty (<Disabilities/>) they are not fields. */
const CONTAINERS = new Set(["Disabilities", "FactorsIdentifiedAtAssessment", "Reviews", ...Object.keys(MODULE_PARENTS)]);

const cell = (text: string): CinValue => (text === "" ? null : text);

/**
 * Collects one table's rows column by column; columns are the union met, in order of first
 * appearance. Rows are only made as objects at the end, all with every column in the same order:
 * on a national census that is far less garbage, and objects of one shape read much faster.
 */
class TableRows {
  readonly columns: string[] = [];
  private readonly data: CinValue[][] = [];
  private readonly index = new Map<string, number>();
  length = 0;

  /** Sets a column of the row being built; a later value of the same column wins (as a spread would). */
  set(column: string, value: CinValue): void {
    let c = this.index.get(column);
    let values: CinValue[] | undefined;
    if (c === undefined) {
      c = this.columns.length;
      this.index.set(column, c);
      this.columns.push(column);
      values = new Array<CinValue>(this.length).fill(null);
      this.data.push(values);
    } else values = this.data[c];
    if (values === undefined) return;
    if (values.length === this.length) values.push(value);
    else values[this.length] = value;
  }

  /** Sets every field of the row being built. */
  setAll(fields: Fields): void {
    for (const column in fields) this.set(column, fields[column] ?? null);
  }

  /** Ends the row being built: columns it lacked are null. */
  end(): void {
    for (const values of this.data) if (values.length === this.length) values.push(null);
    this.length++;
  }

  /** Rows with every column present (null where a row lacked it). */
  build(): { columns: readonly string[]; rows: Fields[] } {
    const { columns, data } = this;
    const rows = new Array<Fields>(this.length);
    for (let i = 0; i < this.length; i++) {
      const row: Fields = {};
      for (let c = 0; c < columns.length; c++) row[columns[c] ?? ""] = data[c]?.[i] ?? null;
      rows[i] = row;
    }
    // The columns are garbage once the rows are made; let them go before the next table is built.
    data.length = 0;
    return { columns, rows };
  }
}

/** Turns one child's record into rows of every table, numbering episodes, assessments and plans. */
class Tables {
  private readonly builders = new Map<CinTableName, TableRows>(CIN_TABLE_NAMES.map((t) => [t, new TableRows()]));
  private assessments = 0;

  private table(name: CinTableName): TableRows {
    let builder = this.builders.get(name);
    if (builder === undefined) this.builders.set(name, (builder = new TableRows()));
    return builder;
  }

  header(fields: Fields): void {
    const header = this.table("Header");
    header.setAll(fields);
    header.end();
  }

  child(record: ChildRecord): void {
    const id = record.identifiers.LAchildID ?? null;
    const identifiers = this.table("ChildIdentifiers");
    identifiers.set("LAchildID", id);
    identifiers.setAll(record.identifiers);
    identifiers.end();
    const characteristics = this.table("ChildCharacteristics");
    characteristics.set("LAchildID", id);
    characteristics.setAll(record.characteristics);
    characteristics.end();
    const disabilities = this.table("Disabilities");
    for (const disability of record.disabilities) {
      disabilities.set("LAchildID", id);
      disabilities.set("Disability", disability);
      disabilities.end();
    }
    const details = this.table("CINdetails");
    for (const episode of record.episodes) {
      const cinId = String(details.length);
      details.set("LAchildID", id);
      details.set("CINdetailsID", cinId);
      details.setAll(episode.fields);
      details.end();
      const assessments = this.table("Assessments");
      const factorsList = this.table("AssessmentFactorsList");
      for (const assessment of episode.assessments) {
        const assessmentId = String(this.assessments++);
        for (const factor of assessment.factors.length === 0 ? [null] : assessment.factors) {
          assessments.set("LAchildID", id);
          assessments.set("CINdetailsID", cinId);
          assessments.set("AssessmentID", assessmentId);
          assessments.setAll(assessment.fields);
          assessments.set("AssessmentFactors", factor);
          assessments.end();
        }
        for (const factor of assessment.factors) {
          factorsList.set("LAchildID", id);
          factorsList.set("CINdetailsID", cinId);
          factorsList.set("AssessmentID", assessmentId);
          factorsList.set("AssessmentActualStartDate", assessment.fields.AssessmentActualStartDate ?? null);
          factorsList.set("AssessmentAuthorisationDate", assessment.fields.AssessmentAuthorisationDate ?? null);
          factorsList.set("AssessmentFactor", factor);
          factorsList.end();
        }
      }
      this.episodeRows("CINplanDates", id, cinId, episode.plans);
      this.episodeRows("Section47", id, cinId, episode.enquiries);
      const protection = this.table("ChildProtectionPlans");
      const reviews = this.table("Reviews");
      for (const plan of episode.protection) {
        const cppId = String(protection.length);
        protection.set("LAchildID", id);
        protection.set("CINdetailsID", cinId);
        protection.set("CPPID", cppId);
        protection.setAll(plan.fields);
        protection.end();
        for (const review of plan.reviews) {
          reviews.set("LAchildID", id);
          reviews.set("CINdetailsID", cinId);
          reviews.set("CPPID", cppId);
          reviews.set("CPPreviewDate", review);
          reviews.end();
        }
      }
    }
  }

  /** One row per module of an episode: the episode's keys, then the module's fields. */
  private episodeRows(name: CinTableName, id: CinValue, cinId: string, modules: readonly Fields[]): void {
    const table = this.table(name);
    for (const fields of modules) {
      table.set("LAchildID", id);
      table.set("CINdetailsID", cinId);
      table.setAll(fields);
      table.end();
    }
  }

  build(): CinInput {
    const tables: CinInput = {};
    for (const name of CIN_TABLE_NAMES) {
      const built = this.builders.get(name)?.build();
      if (built !== undefined) tables[name] = built;
    }
    return tables;
  }
}

/**
 * Parses a CIN census XML file into tables. Throws CinFileError when the text is empty, not
 * well-formed XML (naming the line), or has no Message root.
 */
export function readCinXml(file: CinFile): CinXmlResult {
  if (file.text.trim() === "") throw new CinFileError(file.name, null, "The file is empty.");
  const tables = new Tables();
  const warnings = new Set<string>();
  const path: string[] = [];
  /** The open modules, innermost last, with the depth (path length) of their element. */
  const modules: { name: string; depth: number; fields: Fields; lists: Record<string, CinValue[]> }[] = [];
  let header: Fields | null = null;
  let headerDepth = -1;
  let child: ChildRecord | null = null;
  let episode: Episode | null = null;

  scanXml(file.name, file.text, {
    open(name) {
      const parent = path[path.length - 1];
      if (path.length === 0 && name !== "Message") throw new CinFileError(file.name, null, "The root element is not Message, so this is not a CIN census XML file.");
      path.push(name);
      if (name === "Header" && parent === "Message") {
        header = {};
        headerDepth = path.length;
      } else if (name === "Child" && parent === "Children") {
        child = { identifiers: {}, characteristics: {}, disabilities: [], episodes: [] };
      } else if (MODULE_PARENTS[name] !== undefined && MODULE_PARENTS[name] === parent) {
        modules.push(openModule(name));
      }
    },
    close(name, text) {
      const depth = path.length;
      path.pop();
      if (name === "Header" && depth === headerDepth) {
        if (header !== null) tables.header(header);
        header = null;
        headerDepth = -1;
        return;
      }
      const module = modules[modules.length - 1];
      if (module !== undefined && module.depth === depth && module.name === name) {
        modules.pop();
        if (name === "CINdetails") episode = null;
        return;
      }
      if (name === "Child" && child !== null && path[path.length - 1] === "Children") {
        tables.child(child);
        child = null;
        return;
      }
      if (text === null) {
        const parent = path[path.length - 1];
        if (parent === "Child" || parent === "CINdetails") warnings.add(`Element ${name} under ${parent} is not a CIN census module; it was not read.`);
        return;
      }
      if (header !== null) {
        header[name] ??= cell(text);
        return;
      }
      if (module === undefined) {
        if (path[path.length - 1] === "Child") warnings.add(`Element ${name} under Child is not a CIN census module; it was not read.`);
        return;
      }
      const list = LIST_LEAVES[name] === module.name ? module.lists[name] : undefined;
      if (list !== undefined) list.push(cell(text));
      else if (module.depth === depth - 1 && !(CONTAINERS.has(name) && text === "")) module.fields[name] ??= cell(text);
    },
  });

  function openModule(name: string): { name: string; depth: number; fields: Fields; lists: Record<string, CinValue[]> } {
    const depth = path.length;
    const current: ChildRecord | null = child;
    const currentEpisode: Episode | null = episode;
    switch (name) {
      case "ChildIdentifiers":
        return { name, depth, fields: current?.identifiers ?? {}, lists: {} };
      case "ChildCharacteristics":
        return { name, depth, fields: current?.characteristics ?? {}, lists: { Disability: current?.disabilities ?? [] } };
      case "CINdetails": {
        const created: Episode = { fields: {}, assessments: [], plans: [], enquiries: [], protection: [] };
        current?.episodes.push(created);
        episode = created;
        return { name, depth, fields: created.fields, lists: {} };
      }
      case "Assessments": {
        const assessment: Assessment = { fields: {}, factors: [] };
        currentEpisode?.assessments.push(assessment);
        return { name, depth, fields: assessment.fields, lists: { AssessmentFactors: assessment.factors } };
      }
      case "CINPlanDates": {
        const fields: Fields = {};
        currentEpisode?.plans.push(fields);
        return { name, depth, fields, lists: {} };
      }
      case "Section47": {
        const fields: Fields = {};
        currentEpisode?.enquiries.push(fields);
        return { name, depth, fields, lists: {} };
      }
      default: {
        const plan: Plan = { fields: {}, reviews: [] };
        currentEpisode?.protection.push(plan);
        return { name, depth, fields: plan.fields, lists: { CPPreviewDate: plan.reviews } };
      }
    }
  }

  return { tables: tables.build(), warnings: [...warnings] };
}
