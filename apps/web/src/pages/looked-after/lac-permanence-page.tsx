import { ADOPTER_LEGAL_STATUSES, ADOPTER_SEXES, PLACED_FOR_ADOPTION_CEASED_REASONS, PREVIOUS_PERMANENCE_OPTIONS, SOCIAL_WORKER_CHANGE_REASONS } from "@family-story/domain";
import type { LacPermanence } from "@family-story/schemas";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { loadPermanence } from "../../api/looked-after-health.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { LacSection, codeText, lacPath, yesNo } from "./lac-health-parts.tsx";

/** A looked-after child's permanence and adoption, at /people/:id/looked-after/permanence. */
export function LacPermanencePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadPermanence(id), [id]);
  return <Loaded load={load}>{(record) => <PermanenceView record={record} />}</Loaded>;
}

const date = (d: string | null, none = "Not recorded") => (d === null ? none : formatDate(d));

/** A table of rows with a change link per row when the user may write. */
function RowsTable<T extends { id: string }>({ caption, headers, rows, cells, changeTo, changeLabel }: { caption: string; headers: string[]; rows: T[]; cells: (row: T) => ReactNode[]; changeTo: ((row: T) => string) | null; changeLabel: (row: T) => string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {headers.map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          {changeTo && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            {cells(row).map((cell, i) => <td className="govuk-table__cell" key={headers[i] ?? i}>{cell}</td>)}
            {changeTo && (
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={changeTo(row)}>Change<span className="govuk-visually-hidden"> {changeLabel(row)}</span></Link>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PermanenceView({ record }: { record: LacPermanence }) {
  const user = useUser();
  const write = record.canWrite && can(user, "lac:write");
  const base = lacPath(record.personId, "permanence");
  const ad1 = record.ad1;
  const prev = record.previousPermanence;
  const change = (form: string) => (row: { id: string }) => `${base}/${form}/${row.id}`;
  return (
    <LacSection personId={record.personId} childName={record.childName} title="Permanence">
      <h2 className="govuk-heading-m">Adoption (AD1)</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Decision that the child should be placed for adoption">{date(ad1?.dateInt ?? null)}</SummaryRow>
        <SummaryRow label="Matched with adopters">{date(ad1?.dateMatch ?? null)}</SummaryRow>
        <SummaryRow label="Adopted by their foster carers">{yesNo(ad1?.fosterCare)}</SummaryRow>
        <SummaryRow label="Number of adopters">{ad1?.nbAdoptr === null || ad1?.nbAdoptr === undefined ? "Not known" : String(ad1.nbAdoptr)}</SummaryRow>
        <SummaryRow label="Sex of the adopters">{codeText(ADOPTER_SEXES, ad1?.sexAdoptr, "Not known")}</SummaryRow>
        <SummaryRow label="Legal status of the adopters">{codeText(ADOPTER_LEGAL_STATUSES, ad1?.lsAdoptr, "Not known")}</SummaryRow>
      </dl>
      {write && <p className="govuk-body"><Link className="govuk-link" to={`${base}/ad1`}>{ad1 ? "Change the adoption record" : "Record adoption details"}</Link></p>}

      <h2 className="govuk-heading-m">Decisions to place for adoption</h2>
      {record.placedForAdoption.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <RowsTable
          caption="Decisions that the child should be placed for adoption"
          headers={["Decision", "No longer to be placed", "Why"]}
          rows={record.placedForAdoption}
          cells={(p) => [formatDate(p.datePlaced), date(p.datePlacedCeased, "Still the plan"), p.reasonPlacedCeased === null ? "" : codeText(PLACED_FOR_ADOPTION_CEASED_REASONS, p.reasonPlacedCeased)]}
          changeTo={write ? change("placed-for-adoption") : null}
          changeLabel={(p) => `the decision of ${formatDate(p.datePlaced)}`}
        />
      )}
      {write && <p className="govuk-body"><Link className="govuk-link" to={`${base}/placed-for-adoption/new`}>Record a decision to place for adoption</Link></p>}

      <h2 className="govuk-heading-m">Before this period of care</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Previous permanence option">{codeText(PREVIOUS_PERMANENCE_OPTIONS, prev.prevPerm)}</SummaryRow>
        <SummaryRow label="Authority that arranged it">{prev.laPerm ?? "Not recorded"}</SummaryRow>
        <SummaryRow label="Date of the order">{prev.datePerm ?? "Not recorded"}</SummaryRow>
      </dl>
      {write && <p className="govuk-body"><Link className="govuk-link" to={`${base}/previous`}>Change previous permanence</Link></p>}

      <h2 className="govuk-heading-m">Social workers</h2>
      {record.swEpisodes.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <RowsTable
          caption="The child’s social workers"
          headers={["Social worker ID", "From", "To", "Why it changed"]}
          rows={record.swEpisodes}
          cells={(s) => [s.swId, formatDate(s.swDecom), date(s.swDec, "Current"), s.swReason === null ? "" : codeText(SOCIAL_WORKER_CHANGE_REASONS, s.swReason)]}
          changeTo={write ? change("sw-episodes") : null}
          changeLabel={(s) => `social worker ${s.swId} from ${formatDate(s.swDecom)}`}
        />
      )}
      {write && <p className="govuk-body"><Link className="govuk-link" to={`${base}/sw-episodes/new`}>Record a social worker</Link></p>}

      <h2 className="govuk-heading-m">Deprivation of liberty orders</h2>
      {record.dolo.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <RowsTable
          caption="Deprivation of liberty orders"
          headers={["Started", "Ended"]}
          rows={record.dolo}
          cells={(d) => [formatDate(d.doloStart), d.doloEnd === null ? <strong className="govuk-tag govuk-tag--orange">In force</strong> : formatDate(d.doloEnd)]}
          changeTo={write ? change("dolo") : null}
          changeLabel={(d) => `the order from ${formatDate(d.doloStart)}`}
        />
      )}
      {write && <p className="govuk-body"><Link className="govuk-link" to={`${base}/dolo/new`}>Record a deprivation of liberty order</Link></p>}
    </LacSection>
  );
}
