import { SDQ_REASONS, collectionYearOf, todayIso } from "@family-story/domain";
import type { LacCheck, LacHealthRecord, Oc2Summary, Oc2Values } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { loadLacHealth, loadOc2 } from "../../api/looked-after-health.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { SelectField } from "../../components/fields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { DueList, LacSection, codeText, lacPath } from "./lac-health-parts.tsx";

/** What a check found, in words. */
export function checkResult(c: LacCheck): string {
  switch (c.kind) {
    case "immunisations":
      return c.upToDate === true ? "Up to date" : "Not up to date";
    case "sdq":
      return c.score !== null ? `Score ${String(c.score)}` : `No score: ${codeText(SDQ_REASONS, c.reason)}`;
    case "pep":
      return c.pepType === "initial" ? "Initial PEP" : "PEP review";
    case "substance_misuse":
      return c.interventionReceived === true ? "Intervention received" : c.interventionOffered === true ? "Intervention offered, not received" : "No intervention offered";
    case "health_assessment":
    case "dental_check":
    case "conviction":
      return "Recorded";
  }
}

/** A looked-after child's health and education, at /people/:id/looked-after/health. */
export function LacHealthPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadLacHealth(id), [id]);
  return <Loaded load={load}>{(record) => <HealthView record={record} />}</Loaded>;
}

function HealthView({ record }: { record: LacHealthRecord }) {
  const user = useUser();
  const write = record.canWrite && can(user, "lac:write");
  const base = lacPath(record.personId, "health");
  return (
    <LacSection personId={record.personId} childName={record.childName} title="Health and education">
      <p className="govuk-body">
        {record.lookedAfterNow ? `Looked after since ${formatDate(record.periodStart)}.` : "Not looked after now: nothing is due."}
        {record.dob === null && " Their date of birth is not recorded, so age-based timescales are worked out as for a child under 5."}
      </p>
      {write && <Link className="govuk-button" to={`${base}/checks/new`}>Record a check</Link>}
      <h2 className="govuk-heading-m">What is due</h2>
      <DueList items={record.due} />
      <h2 className="govuk-heading-m">Checks</h2>
      {record.checks.length === 0 ? (
        <p className="govuk-body">No checks recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Health and education checks, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Check</th>
              <th scope="col" className="govuk-table__header">Result</th>
              <th scope="col" className="govuk-table__header">Notes</th>
              <th scope="col" className="govuk-table__header">Recorded by</th>
              {write && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {record.checks.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">{formatDate(c.checkDate)}</td>
                <td className="govuk-table__cell">{c.kindLabel}</td>
                <td className="govuk-table__cell">{checkResult(c)}</td>
                <td className="govuk-table__cell">{c.notes ?? ""}</td>
                <td className="govuk-table__cell">{c.recordedBy ?? "Imported"}</td>
                {write && (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${base}/checks/${c.id}`}>Correct<span className="govuk-visually-hidden"> the {c.kindLabel.toLowerCase()} of {formatDate(c.checkDate)}</span></Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Oc2Panel personId={record.personId} />
    </LacSection>
  );
}

const OC2_ROWS: { key: keyof Oc2Values; label: string }[] = [
  { key: "healthAssessment", label: "Annual health assessment in the year" },
  { key: "immunisations", label: "Immunisations up to date" },
  { key: "teethCheck", label: "Teeth checked by a dentist in the year" },
  { key: "healthCheck", label: "Health surveillance up to date (under 5s)" },
  { key: "substanceMisuse", label: "Substance misuse problem identified" },
  { key: "interventionReceived", label: "Intervention received" },
  { key: "interventionOffered", label: "Intervention offered" },
  { key: "convicted", label: "Convicted, or a final warning or reprimand (10 and over)" },
];

function flagText(value: string | null): string {
  return value === "1" ? "Yes" : value === "0" ? "No" : value === null ? "Not applicable" : value;
}

const SOURCE: Record<Oc2Summary["source"], string> = {
  imported: "As imported from the SSDA903 return",
  derived: "Worked out from the checks recorded",
  none: "Not in the OC2 cohort",
};

/** The OC2 summary of a chosen collection year. */
function Oc2Panel({ personId }: { personId: string }) {
  const current = collectionYearOf(todayIso());
  const years = Array.from({ length: 6 }, (_, i) => current - 1 - i);
  const [choice, setChoice] = useState(String(years[0] ?? current - 1));
  const [year, setYear] = useState(Number(choice));
  const [load] = useLoad(() => loadOc2(personId, year), [personId, year]);
  function show(event: SyntheticEvent) {
    event.preventDefault();
    setYear(Number(choice));
  }
  return (
    <section aria-labelledby="oc2-heading">
      <h2 className="govuk-heading-m" id="oc2-heading">OC2 return</h2>
      <p className="govuk-body">Outcomes for children looked after continuously for 12 months at 31 March.</p>
      <form className="app-inline-form" noValidate onSubmit={show}>
        <SelectField name="oc2Year" label="Collection year" value={choice} onChange={setChoice} options={years.map((y) => ({ value: String(y), label: `1 April ${String(y)} to 31 March ${String(y + 1)}` }))} />
        <button type="submit" className="govuk-button govuk-button--secondary">Show the year</button>
      </form>
      <Loaded load={load}>
        {(oc2) => (
          <>
            <p className="govuk-body">
              <strong className={`govuk-tag ${oc2.source === "imported" ? "govuk-tag--blue" : oc2.source === "derived" ? "govuk-tag--green" : "govuk-tag--grey"}`}>{SOURCE[oc2.source]}</strong>
            </p>
            {oc2.values && (
              <dl className="govuk-summary-list">
                <SummaryRow label="SDQ">{oc2.values.sdqScore !== null ? `Score ${oc2.values.sdqScore}` : oc2.values.sdqReason !== null ? `No score: ${codeText(SDQ_REASONS, oc2.values.sdqReason)}` : "None recorded, or not applicable"}</SummaryRow>
                {OC2_ROWS.map((r) => (
                  <SummaryRow key={r.key} label={r.label}>
                    {flagText(oc2.values?.[r.key] ?? null)}
                    {oc2.source === "imported" && oc2.derived && oc2.derived[r.key] !== oc2.values?.[r.key] && <span className="govuk-hint govuk-!-margin-bottom-0">{`The checks recorded give: ${flagText(oc2.derived[r.key])}`}</span>}
                  </SummaryRow>
                ))}
              </dl>
            )}
            {oc2.notes.length > 0 && (
              <ul className="govuk-list govuk-list--bullet">
                {oc2.notes.map((n) => <li key={n}>{n}</li>)}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
