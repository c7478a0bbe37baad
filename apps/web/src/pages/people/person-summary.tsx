import type { Person } from "@family-story/schemas";
import { formatDate, formatNhsNumber } from "../../components/format.ts";
import { SummaryRow } from "../../components/summary-row.tsx";

const SEX_LABELS = { male: "Male", female: "Female", unknown: "Not known" } as const;


const notRecorded = <span className="govuk-hint govuk-!-margin-0">Not recorded</span>;

/** The person's identity and identifiers as a GOV.UK summary list. */
export function PersonSummary({ person }: { person: Person }) {
  return (
    <section aria-labelledby="details-heading">
      <h2 className="govuk-heading-m" id="details-heading">
        Personal details
      </h2>
      <dl className="govuk-summary-list" data-testid="person-summary">
        <SummaryRow label="Name">
          {person.givenName} {person.familyName}
          {person.preferredName && ` (known as ${person.preferredName})`}
        </SummaryRow>
        {person.otherNames.length > 0 && <SummaryRow label="Other names">{person.otherNames.map((n) => `${n.givenName} ${n.familyName}`).join(", ")}</SummaryRow>}
        <SummaryRow label="Date of birth">
          {person.dob ? `${formatDate(person.dob)}${person.dobEstimated ? " (estimated)" : ""}${person.age !== null ? `, age ${person.age}` : ""}` : person.expectedDob ? `Expected ${formatDate(person.expectedDob)}` : notRecorded}
        </SummaryRow>
        {person.deceasedDate && <SummaryRow label="Date of death">{formatDate(person.deceasedDate)}</SummaryRow>}
        <SummaryRow label="Sex">{SEX_LABELS[person.sex]}</SummaryRow>
        {person.gender && <SummaryRow label="Gender">{person.gender}</SummaryRow>}
        <SummaryRow label="NHS number">{person.nhsNumber ? <span data-testid="nhs-number">{formatNhsNumber(person.nhsNumber)}</span> : notRecorded}</SummaryRow>
        <SummaryRow label="Unique pupil number (UPN)">{person.upn ?? notRecorded}</SummaryRow>
        {person.formerUpn && <SummaryRow label="Former UPN">{person.formerUpn}</SummaryRow>}
        <SummaryRow label="Ethnicity">{person.ethnicityLabel ?? notRecorded}</SummaryRow>
        <SummaryRow label="First language">{person.firstLanguageLabel ?? notRecorded}</SummaryRow>
        <SummaryRow label="Disability">{person.disability === null ? notRecorded : person.disability ? "Yes" : "No"}</SummaryRow>
        {person.uasc && <SummaryRow label="Unaccompanied asylum-seeking child">Yes</SummaryRow>}
      </dl>
    </section>
  );
}
