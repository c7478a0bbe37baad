import { qaSummaryQuerySchema, type Caseload } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { loadCaseload, loadQaSummary } from "../../api/iro.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { check, type FieldErrors } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { Loaded } from "../../components/status.tsx";
import { DueTag } from "../work/due-tag.tsx";
import { MidpointTag } from "./iro-tags.tsx";
import { QaChart } from "./qa-chart.tsx";

const iroPage = (personId: string) => `/people/${personId}/looked-after/iro`;

/**
 * The IRO's dashboard at /iro: their caseload (reviews and mid-points due or overdue), open
 * disputes, and the service's anonymous quality-assurance aggregate for a date range. Managers
 * choose whose caseload to see.
 */
export function IroDashboardPage() {
  const [params, setParams] = useSearchParams();
  const iroId = params.get("iroId") ?? undefined;
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const [caseload] = useLoad(() => loadCaseload(iroId), [iroId]);
  const [summary] = useLoad(() => loadQaSummary(from, to), [from, to]);
  const [errors, setErrors] = useState<FieldErrors>({});
  usePageTitle("IRO dashboard", Object.keys(errors).length > 0);
  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">IRO dashboard</h1>
      <Loaded load={caseload}>{(c) => <CaseloadView caseload={c} onChoose={(id) => { setParam({ iroId: id }); }} />}</Loaded>
      <h2 className="govuk-heading-m" id="qa">Quality assurance across the service</h2>
      <RangeForm from={from} to={to} errors={errors} setErrors={setErrors} onApply={(f, t) => { setParam({ from: f, to: t }); }} />
      <Loaded load={summary}>{(s) => <QaChart summary={s} />}</Loaded>
    </>
  );
}

function CaseloadView({ caseload, onChoose }: { caseload: Caseload; onChoose: (iroId: string) => void }) {
  const overdueReviews = caseload.children.filter((c) => c.reviewDueStatus === "overdue").length;
  const overdueMidpoints = caseload.children.filter((c) => c.midpointStatus === "overdue").length;
  return (
    <>
      {caseload.iros.length > 0 && <IroPicker caseload={caseload} onChoose={onChoose} />}
      <h2 className="govuk-heading-m">Caseload of {caseload.iro.name}</h2>
      <p className="govuk-body" data-testid="caseload-summary">
        {caseload.children.length === 1 ? "1 child" : `${String(caseload.children.length)} children`} looked after. {String(overdueReviews)} with a review overdue; {String(overdueMidpoints)} with mid-point monitoring overdue.
      </p>
      {caseload.children.length > 0 && (
        <ScrollTable label="Caseload">
          <table className="govuk-table" data-testid="caseload-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Children on the caseload, next review due first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Child</th>
                <th scope="col" className="govuk-table__header">Placement</th>
                <th scope="col" className="govuk-table__header">Last review</th>
                <th scope="col" className="govuk-table__header">Next review</th>
                <th scope="col" className="govuk-table__header">Mid-point</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Open disputes</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {caseload.children.map((c) => (
                <tr className="govuk-table__row" key={c.person.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={iroPage(c.person.id)}>{c.person.name}</Link>
                  </th>
                  <td className="govuk-table__cell">{c.placement ? `${c.placement.code}: ${c.placement.label}, since ${formatDate(c.placement.since)}` : "Not recorded"}</td>
                  <td className="govuk-table__cell">{c.lastReviewDate ? formatDate(c.lastReviewDate) : "None yet"}</td>
                  <td className="govuk-table__cell">
                    {formatDate(c.nextReviewDue)} <DueTag item={{ dueStatus: c.reviewDueStatus, dueText: c.reviewDueText }} />
                  </td>
                  <td className="govuk-table__cell">
                    {c.midpointDue && c.midpointStatus !== "done" ? `${formatDate(c.midpointDue)} ` : ""}
                    <MidpointTag status={c.midpointStatus} text={c.midpointDueText} />
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.openDisputes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h2 className="govuk-heading-m">Open disputes</h2>
      {caseload.openDisputes.length === 0 ? (
        <p className="govuk-body">No open disputes for these children.</p>
      ) : (
        <table className="govuk-table" data-testid="open-disputes">
          <caption className="govuk-table__caption govuk-visually-hidden">Open disputes, oldest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Child</th>
              <th scope="col" className="govuk-table__header">Theme</th>
              <th scope="col" className="govuk-table__header">Stage</th>
              <th scope="col" className="govuk-table__header">Raised</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {caseload.openDisputes.map((d) => (
              <tr className="govuk-table__row" key={d.id}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`${iroPage(d.person.id)}/disputes/${d.id}`}>{d.person.name}</Link>
                </th>
                <td className="govuk-table__cell">{d.themeLabel}</td>
                <td className="govuk-table__cell">{d.stageLabel}</td>
                <td className="govuk-table__cell">{formatDate(d.raisedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function IroPicker({ caseload, onChoose }: { caseload: Caseload; onChoose: (iroId: string) => void }) {
  const [chosen, setChosen] = useState(caseload.iros.some((i) => i.id === caseload.iro.id) ? caseload.iro.id : "");
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (chosen !== "") onChoose(chosen);
  }
  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-bottom-6">
      <SelectField name="iroId" label="Independent reviewing officer" value={chosen} onChange={setChosen} options={[{ value: "", label: "Choose an IRO" }, ...caseload.iros.map((i) => ({ value: i.id, label: i.name }))]} />
      <button type="submit" className="govuk-button govuk-button--secondary">Show caseload</button>
    </form>
  );
}

function RangeForm({ from, to, errors, setErrors, onApply }: { from: string | undefined; to: string | undefined; errors: FieldErrors; setErrors: (e: FieldErrors) => void; onApply: (from: string, to: string) => void }) {
  const [f, setF] = useState(from ?? "");
  const [t, setT] = useState(to ?? "");
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const values = { ...(f !== "" && { from: f }), ...(t !== "" && { to: t }) };
    const checked = check(qaSummaryQuerySchema, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onApply(f, t);
  }
  return (
    <form noValidate onSubmit={submit} className="app-actions" aria-label="Date range">
      <TextField name="from" label="Completed from" hint="For example, 2025-04-01. Leave blank for twelve months before the end." width="10" error={errors.from} value={f} onChange={setF} />
      <TextField name="to" label="Completed up to" hint="For example, 2026-03-31. Leave blank for today." width="10" error={errors.to} value={t} onChange={setT} />
      <button type="submit" className="govuk-button govuk-button--secondary">Apply</button>
    </form>
  );
}
