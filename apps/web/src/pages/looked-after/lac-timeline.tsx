import type { LookedAfterEpisode, LookedAfterRecord } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";

/** GOV.UK Frontend colours, by kind of placement (the legend names them in words too). */
interface Kind { test: RegExp; label: string; colour: string }
const OTHER: Kind = { test: /./, label: "Other", colour: "#505a5f" };
const KINDS: readonly Kind[] = [
  { test: /^U/, label: "Foster care", colour: "#1d70b8" },
  { test: /^[KRS]/, label: "Children’s home or residential", colour: "#4c2c92" },
  { test: /^A/, label: "Placed for adoption", colour: "#d53880" },
  { test: /^P/, label: "With parents or independent", colour: "#00703c" },
  { test: /^T/, label: "Temporary", colour: "#f47738" },
];

function kindOf(place: string | null): Kind {
  return KINDS.find((k) => k.test.test(place ?? "")) ?? OTHER;
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * The child's episodes drawn as bars on a line of time, one colour per kind of placement, with
 * a text summary for screen readers; the episodes table below carries the same facts in full.
 */
export function LacTimelineChart({ record, today }: { record: LookedAfterRecord; today: string }) {
  const episodes = record.episodes;
  const first = episodes[0];
  if (!first) return null;
  const from = toDay(first.startDate);
  const to = Math.max(toDay(today), from + 30);
  const x = (iso: string) => 10 + ((toDay(iso) - from) / (to - from)) * 980;
  const years: number[] = [];
  for (let y = Number(first.startDate.slice(0, 4)) + 1; y <= Number(today.slice(0, 4)); y++) years.push(y);
  const used = [...new Set(episodes.map((e) => kindOf(e.place?.code ?? null)))];
  const summary = `${String(record.periods.length)} period${record.periods.length === 1 ? "" : "s"} of care and ${String(record.placementCounts.total)} placement${record.placementCounts.total === 1 ? "" : "s"} from ${formatDate(first.startDate)}${record.status === "looked_after" ? " to now" : ""}.`;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-4">
      <svg viewBox="0 0 1000 70" width="100%" role="img" aria-labelledby="lac-timeline-title lac-timeline-desc">
        <title id="lac-timeline-title">Timeline of care</title>
        <desc id="lac-timeline-desc">{summary}</desc>
        <line x1="10" x2="990" y1="40" y2="40" stroke="#b1b4b6" strokeWidth="1" />
        {years.map((y) => {
          const at = x(`${String(y)}-01-01`);
          return (
            <g key={y}>
              <line x1={at} x2={at} y1="8" y2="44" stroke="#b1b4b6" strokeWidth="1" />
              <text x={at + 3} y="58" fontSize="12" fill="#0b0c0c">{y}</text>
            </g>
          );
        })}
        {episodes.map((e) => (
          <rect key={e.id} x={x(e.startDate)} y="14" width={Math.max(2, x(e.endDate ?? today) - x(e.startDate))} height="22" fill={kindOf(e.place?.code ?? null).colour} stroke="#ffffff" strokeWidth="1">
            <title>{`${formatDate(e.startDate)} to ${e.endDate ? formatDate(e.endDate) : "now"}: ${e.place?.label ?? "placement not recorded"}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="govuk-body-s">
        {summary}{" "}
        {used.map((k) => (
          <span key={k.label} className="govuk-!-margin-right-3">
            <svg width="12" height="12" aria-hidden="true" focusable="false"><rect width="12" height="12" fill={k.colour} /></svg> {k.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

const code = (c: { code: string; label: string } | null) => (c === null ? "Not recorded" : `${c.code}: ${c.label}`);

/** Where the placement is and how far from home, or "not known" when the postcodes are not in the ONS directory. */
export function placementWhere(e: Pick<LookedAfterEpisode, "placementLocation" | "distanceMiles" | "placementLa">): string {
  const where = e.placementLocation === "IN" ? "In the authority" : e.placementLocation === "OUT" ? `Out of the authority${e.placementLa ? ` (${e.placementLa})` : ""}` : "In or out of the authority not known";
  const far = e.distanceMiles === null ? "distance from home not known" : `${e.distanceMiles.toFixed(1)} miles from home`;
  return `${where}; ${far}`;
}

/** Every episode in a table: the accessible alternative to the chart, with a link to correct each. */
export function EpisodesTable({ record, canCorrect }: { record: LookedAfterRecord; canCorrect: boolean }) {
  return (
    <ScrollTable label="Episodes table (scrolls sideways)">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Episodes (SSDA903), oldest first</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {["From", "To", "Reason for new episode", "Legal status", "Need", "Placement", "Where", "Reason ended", ...(canCorrect ? ["Change"] : [])].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {record.episodes.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell app-nowrap">{formatDate(e.startDate)}</td>
              <td className="govuk-table__cell app-nowrap">{e.endDate ? formatDate(e.endDate) : "Open"}</td>
              <td className="govuk-table__cell">{code(e.reasonNewEpisode)}</td>
              <td className="govuk-table__cell">{code(e.legalStatus)}</td>
              <td className="govuk-table__cell">{code(e.categoryOfNeed)}</td>
              <td className="govuk-table__cell">
                {code(e.place)}
                {e.provider && <><br />{e.provider.name}</>}
                {e.placeProvider && <><br /><span className="govuk-hint govuk-!-font-size-16">{code(e.placeProvider)}</span></>}
              </td>
              <td className="govuk-table__cell">{placementWhere(e)}</td>
              <td className="govuk-table__cell">
                {e.reasonCeased ? code(e.reasonCeased) : ""}
                {e.reasonPlaceChange && <><br />{`Placement change: ${e.reasonPlaceChange.label}`}</>}
              </td>
              {canCorrect && (
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/people/${record.child.id}/looked-after/episodes/${e.id}`}>
                    Correct<span className="govuk-visually-hidden"> the episode from {formatDate(e.startDate)}</span>
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
