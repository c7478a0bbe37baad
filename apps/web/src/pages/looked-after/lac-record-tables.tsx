import type { LookedAfterRecord } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";

function Head({ cells }: { cells: string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {cells.map((h) => (
          <th scope="col" className="govuk-table__header" key={h}>{h}</th>
        ))}
      </tr>
    </thead>
  );
}

const where = (location: "IN" | "OUT" | null, miles: number | null) =>
  `${location === "IN" ? "In the authority" : location === "OUT" ? "Out of the authority" : "Not known"}${miles === null ? "" : `, ${miles.toFixed(1)} miles`}`;

/** The child's placements with how many there have been (this period, the last 12 months, ever). */
export function PlacementsSection({ record }: { record: LookedAfterRecord }) {
  const c = record.placementCounts;
  return (
    <section aria-labelledby="lac-placements">
      <h2 className="govuk-heading-m" id="lac-placements">Placements</h2>
      <p className="govuk-body">{`${String(c.total)} in all; ${String(c.currentPeriod)} in the latest period of care; ${String(c.lastTwelveMonths)} in the last 12 months.`}</p>
      <ScrollTable label="Placements table (scrolls sideways)">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Placements, oldest first</caption>
          <Head cells={["From", "To", "Placement", "Carer or provider", "Where", "Episodes"]} />
          <tbody className="govuk-table__body">
            {record.placements.map((p) => (
              <tr className="govuk-table__row" key={p.startDate}>
                <td className="govuk-table__cell app-nowrap">{formatDate(p.startDate)}</td>
                <td className="govuk-table__cell app-nowrap">{p.endDate ? formatDate(p.endDate) : "Now"}</td>
                <td className="govuk-table__cell">{p.place ? `${p.place.code}: ${p.place.label}` : "Not recorded"}</td>
                <td className="govuk-table__cell">{p.provider?.name ?? "Not recorded"}</td>
                <td className="govuk-table__cell">{where(p.placementLocation, p.distanceMiles)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.episodes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

/** Each continuous period of care. */
export function PeriodsSection({ record }: { record: LookedAfterRecord }) {
  return (
    <section aria-labelledby="lac-periods">
      <h2 className="govuk-heading-m" id="lac-periods">Periods of care</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Periods of care, oldest first</caption>
        <Head cells={["From", "To", "Days", "Placements", "Why care ended"]} />
        <tbody className="govuk-table__body">
          {record.periods.map((p) => (
            <tr className="govuk-table__row" key={p.startDate}>
              <td className="govuk-table__cell app-nowrap">{formatDate(p.startDate)}</td>
              <td className="govuk-table__cell app-nowrap">{p.endDate ? formatDate(p.endDate) : "Now"}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.days}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.placements}</td>
              <td className="govuk-table__cell">{p.reasonCeased ? `${p.reasonCeased.code}: ${p.reasonCeased.label}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Missing and away episodes with the return home interview: due, offered, accepted. */
export function MissingSection({ record, canWrite }: { record: LookedAfterRecord; canWrite: boolean }) {
  const base = `/people/${record.child.id}/looked-after/missing`;
  return (
    <section aria-labelledby="lac-missing">
      <h2 className="govuk-heading-m" id="lac-missing">Missing from placement</h2>
      {canWrite && record.status !== "never" && (
        <p className="govuk-body"><Link className="govuk-link" to={`${base}/new`}>Record a missing or away episode</Link></p>
      )}
      {record.missing.length === 0 ? (
        <p className="govuk-body">No missing or away episodes recorded.</p>
      ) : (
        <ScrollTable label="Missing episodes table (scrolls sideways)">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Missing and away episodes, newest first</caption>
            <Head cells={["Missing or away", "From", "Back", "Return home interview", ...(canWrite ? ["Change"] : [])]} />
            <tbody className="govuk-table__body">
              {record.missing.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <td className="govuk-table__cell">{m.missingType?.label ?? "Not recorded"}</td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(m.startDate)}</td>
                  <td className="govuk-table__cell app-nowrap">{m.endDate ? formatDate(m.endDate) : "Not yet back"}</td>
                  <td className="govuk-table__cell">
                    {m.rhiOfferedOn
                      ? `Offered ${formatDate(m.rhiOfferedOn)}${m.rhiAccepted === null ? "" : m.rhiAccepted ? ", accepted" : ", declined"}`
                      : m.rhiDue
                        ? <>{`Due by ${formatDate(m.rhiDue)}`}{m.rhiOverdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Overdue</strong>}</>
                        : "Due once the child is back"}
                  </td>
                  {canWrite && (
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`${base}/${m.id}`}>
                        Update<span className="govuk-visually-hidden"> the episode from {formatDate(m.startDate)}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
