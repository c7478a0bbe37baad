/**
 * What a validation knows besides the tables: the collection year, the returning authority, the
 * file format and, where the authority has them, Ofsted provider details (provider_info).
 */
import { dayFromParts, type Day } from "../validation/day.ts";
import type { EngineTable } from "./engine-table.ts";

/** Facts about the return the rules may use. Days are NaN when unknown. */
export interface Ssda903Metadata {
  /** 1 April of the collection year. */
  readonly collectionStart: Day;
  /** 31 March of the year after. */
  readonly collectionEnd: Day;
  /** The collection year as the DfE tools name it (the year it starts, e.g. "2017" for 2017/18). */
  readonly collectionYear: string | null;
  /** ONS code of the returning authority (E09000027). */
  readonly localAuthority: string | null;
  /** The form the data came in; a few rules differ between them. */
  readonly fileFormat: "csv" | "xml";
  /** Ofsted provider details by URN (columns such as URN, PLACE_CODES, PROVIDER_CODES, REG_END, POSTCODE, LA_CODE_INFERRED). */
  readonly providerInfo: EngineTable | null;
}

/** Options for a collection year's metadata. */
export interface Ssda903MetadataOptions {
  /** The year the collection starts (2017 for 1 April 2017 – 31 March 2018). */
  readonly year: number;
  readonly localAuthority?: string | null;
  readonly fileFormat?: "csv" | "xml";
  readonly providerInfo?: EngineTable | null;
}

/** The metadata of a collection year starting 1 April `year`. */
export function ssda903Metadata(options: Ssda903MetadataOptions): Ssda903Metadata {
  return {
    collectionStart: dayFromParts(options.year, 4, 1),
    collectionEnd: dayFromParts(options.year + 1, 3, 31),
    collectionYear: String(options.year),
    localAuthority: options.localAuthority ?? null,
    fileFormat: options.fileFormat ?? "csv",
    providerInfo: options.providerInfo ?? null,
  };
}
