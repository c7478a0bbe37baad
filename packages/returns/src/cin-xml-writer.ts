/**
 * Writes a CIN census return as the XML the DfE takes (Message > Header, Children > Child), the
 * modules and their fields in the order of the census specification. Dates are ISO (yyyy-mm-dd),
 * flags true/false; a field that is null is left out, as the specification wants absent rather
 * than empty elements. Pure: a model in, XML text out.
 */

/** The census header: the collection year is named by the year it ends (2026 for 2025/26). */
export interface CinCensusHeader {
  readonly year: string;
  /** 31 March of the census year. */
  readonly referenceDate: string;
  /** The authority's three-digit DfE number when known, else its ONS code. */
  readonly lea: string;
  readonly softwareCode: string;
  readonly release: string;
  readonly serialNo: string;
  /** When the file was made (yyyy-mm-ddThh:mm:ssZ). */
  readonly dateTime: string;
}

export interface CinAssessmentOut {
  readonly startDate: string | null;
  readonly internalReviewDate: string | null;
  readonly authorisationDate: string | null;
  readonly factors: readonly string[];
}

export interface CinSection47Out {
  readonly startDate: string | null;
  readonly initialCpcTarget: string | null;
  readonly dateOfInitialCpc: string | null;
  readonly icpcNotRequired: boolean | null;
}

export interface CinCppOut {
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly initialCategory: string | null;
  readonly latestCategory: string | null;
  readonly numberOfPreviousCpp: number | null;
  readonly reviewDates: readonly string[];
}

/** One CIN episode (a referral and what followed it). */
export interface CinDetailsOut {
  readonly referralDate: string | null;
  readonly referralSource: string | null;
  readonly primaryNeed: string | null;
  readonly closureDate: string | null;
  readonly reasonForClosure: string | null;
  readonly dateOfInitialCpc: string | null;
  readonly referralNfa: boolean | null;
  readonly assessments: readonly CinAssessmentOut[];
  readonly cinPlans: readonly { readonly startDate: string | null; readonly endDate: string | null }[];
  readonly section47s: readonly CinSection47Out[];
  readonly cpPlans: readonly CinCppOut[];
}

export interface CinChildOut {
  readonly laChildId: string;
  readonly upn: string | null;
  readonly formerUpn: string | null;
  readonly upnUnknown: string | null;
  readonly birthDate: string | null;
  readonly expectedBirthDate: string | null;
  /** M, F or U. */
  readonly sex: string | null;
  readonly deathDate: string | null;
  readonly ethnicity: string | null;
  /** Disability codes; ["NONE"] when the child has none; empty when not known. */
  readonly disabilities: readonly string[];
  readonly episodes: readonly CinDetailsOut[];
}

export interface CinCensus {
  readonly header: CinCensusHeader;
  readonly children: readonly CinChildOut[];
}

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Builds indented XML text one line at a time. */
class XmlLines {
  readonly lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private depth = 0;

  open(tag: string): void {
    this.lines.push(`${"  ".repeat(this.depth)}<${tag}>`);
    this.depth++;
  }

  close(tag: string): void {
    this.depth--;
    this.lines.push(`${"  ".repeat(this.depth)}</${tag}>`);
  }

  /** A leaf element; left out when the value is null. */
  leaf(tag: string, value: string | number | boolean | null): void {
    if (value === null) return;
    this.lines.push(`${"  ".repeat(this.depth)}<${tag}>${escapeXml(String(value))}</${tag}>`);
  }
}

function writeEpisode(x: XmlLines, e: CinDetailsOut): void {
  x.open("CINdetails");
  x.leaf("CINreferralDate", e.referralDate);
  x.leaf("ReferralSource", e.referralSource);
  x.leaf("PrimaryNeedCode", e.primaryNeed);
  x.leaf("CINclosureDate", e.closureDate);
  x.leaf("ReasonForClosure", e.reasonForClosure);
  x.leaf("DateOfInitialCPC", e.dateOfInitialCpc);
  x.leaf("ReferralNFA", e.referralNfa);
  for (const a of e.assessments) {
    x.open("Assessments");
    x.leaf("AssessmentActualStartDate", a.startDate);
    x.leaf("AssessmentInternalReviewDate", a.internalReviewDate);
    x.leaf("AssessmentAuthorisationDate", a.authorisationDate);
    if (a.factors.length > 0) {
      x.open("FactorsIdentifiedAtAssessment");
      for (const f of a.factors) x.leaf("AssessmentFactors", f);
      x.close("FactorsIdentifiedAtAssessment");
    }
    x.close("Assessments");
  }
  for (const p of e.cinPlans) {
    x.open("CINPlanDates");
    x.leaf("CINPlanStartDate", p.startDate);
    x.leaf("CINPlanEndDate", p.endDate);
    x.close("CINPlanDates");
  }
  for (const s of e.section47s) {
    x.open("Section47");
    x.leaf("S47ActualStartDate", s.startDate);
    x.leaf("InitialCPCtarget", s.initialCpcTarget);
    x.leaf("DateOfInitialCPC", s.dateOfInitialCpc);
    x.leaf("ICPCnotRequired", s.icpcNotRequired);
    x.close("Section47");
  }
  for (const p of e.cpPlans) {
    x.open("ChildProtectionPlans");
    x.leaf("CPPstartDate", p.startDate);
    x.leaf("CPPendDate", p.endDate);
    x.leaf("InitialCategoryOfAbuse", p.initialCategory);
    x.leaf("LatestCategoryOfAbuse", p.latestCategory);
    x.leaf("NumberOfPreviousCPP", p.numberOfPreviousCpp);
    if (p.reviewDates.length > 0) {
      x.open("Reviews");
      for (const d of p.reviewDates) x.leaf("CPPreviewDate", d);
      x.close("Reviews");
    }
    x.close("ChildProtectionPlans");
  }
  x.close("CINdetails");
}

function writeChild(x: XmlLines, c: CinChildOut): void {
  x.open("Child");
  x.open("ChildIdentifiers");
  x.leaf("LAchildID", c.laChildId);
  x.leaf("UPN", c.upn);
  x.leaf("FormerUPN", c.formerUpn);
  x.leaf("UPNunknown", c.upnUnknown);
  x.leaf("PersonBirthDate", c.birthDate);
  x.leaf("ExpectedPersonBirthDate", c.expectedBirthDate);
  x.leaf("Sex", c.sex);
  x.leaf("PersonDeathDate", c.deathDate);
  x.close("ChildIdentifiers");
  x.open("ChildCharacteristics");
  x.leaf("Ethnicity", c.ethnicity);
  if (c.disabilities.length > 0) {
    x.open("Disabilities");
    for (const d of c.disabilities) x.leaf("Disability", d);
    x.close("Disabilities");
  }
  x.close("ChildCharacteristics");
  for (const e of c.episodes) writeEpisode(x, e);
  x.close("Child");
}

/** The census as XML text (UTF-8, two-space indent, LF line ends). */
export function cinCensusToXml(census: CinCensus): string {
  const x = new XmlLines();
  const h = census.header;
  x.open("Message");
  x.open("Header");
  x.open("CollectionDetails");
  x.leaf("Collection", "CIN");
  x.leaf("Year", h.year);
  x.leaf("ReferenceDate", h.referenceDate);
  x.close("CollectionDetails");
  x.open("Source");
  x.leaf("SourceLevel", "L");
  x.leaf("LEA", h.lea);
  x.leaf("SoftwareCode", h.softwareCode);
  x.leaf("Release", h.release);
  x.leaf("SerialNo", h.serialNo);
  x.leaf("DateTime", h.dateTime);
  x.close("Source");
  x.close("Header");
  x.open("Children");
  for (const c of census.children) writeChild(x, c);
  x.close("Children");
  x.close("Message");
  return `${x.lines.join("\n")}\n`;
}
