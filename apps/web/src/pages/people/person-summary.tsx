import type { Person } from "@family-story/schemas";
import type { ReactNode } from "react";
import { formatDate, formatNhsNumber } from "../../components/format.ts";

const SEX_LABELS = { male: "Male", female: "Female", unknown: "Not known" } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

const notRecorded = <span className="govuk-hint govuk-!-margin-0">Not recorded</span>;

/** The person's identity and identifiers as a GOV.UK summary list. */
export function PersonSummary({ person }: { person: Person }) {
  return (
    <section aria-labelledby="details-heading">
      <h2 className="govuk-heading-m" id="details-heading">
        Personal details
      </h2>
      <dl className="govuk-summary-list" data-testid="person-summary">
        <Row label="Name">
          {person.givenName} {person.familyName}
          {person.preferredName && ` (known as ${person.preferredName})`}
        </Row>
        {person.otherNames.length > 0 && <Row label="Other names">{person.otherNames.map((n) => `${n.givenName} ${n.familyName}`).join(", ")}</Row>}
        <Row label="Date of birth">
          {person.dob ? `${formatDate(person.dob)}${person.dobEstimated ? " (estimated)" : ""}${person.age !== null ? `, age ${person.age}` : ""}` : person.expectedDob ? `Expected ${formatDate(person.expectedDob)}` : notRecorded}
        </Row>
        {person.deceasedDate && <Row label="Date of death">{formatDate(person.deceasedDate)}</Row>}
        <Row label="Sex">{SEX_LABELS[person.sex]}</Row>
        {person.gender && <Row label="Gender">{person.gender}</Row>}
        <Row label="NHS number">{person.nhsNumber ? <span data-testid="nhs-number">{formatNhsNumber(person.nhsNumber)}</span> : notRecorded}</Row>
        <Row label="Unique pupil number (UPN)">{person.upn ?? notRecorded}</Row>
        {person.formerUpn && <Row label="Former UPN">{person.formerUpn}</Row>}
        <Row label="Ethnicity">{person.ethnicityLabel ?? notRecorded}</Row>
        <Row label="First language">{person.firstLanguageLabel ?? notRecorded}</Row>
        <Row label="Disability">{person.disability === null ? notRecorded : person.disability ? "Yes" : "No"}</Row>
        {person.uasc && <Row label="Unaccompanied asylum-seeking child">Yes</Row>}
      </dl>
    </section>
  );
}
