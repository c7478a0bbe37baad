import { todayIso } from "@family-story/domain";
import type { LookedAfterRecord } from "@family-story/schemas";
import { Link, useLocation, useParams } from "react-router";
import { loadLookedAfter } from "../../api/looked-after.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { LacSubNav } from "./lac-sub-nav.tsx";
import { MissingSection, PeriodsSection, PlacementsSection } from "./lac-record-tables.tsx";
import { EpisodesTable, LacTimelineChart, placementWhere } from "./lac-timeline.tsx";

/** A child's looked-after record, at /people/:id/looked-after. */
export function LookedAfterPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadLookedAfter(id), [id]);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle(load.state === "done" ? `${load.value.child.name}: looked after` : "Looked after");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <LacSubNav personId={id} />
      <Loaded load={load}>{(record) => <RecordView record={record} />}</Loaded>
    </>
  );
}

const statusText: Record<LookedAfterRecord["status"], string> = { never: "Not looked after", looked_after: "Looked after", ceased: "No longer looked after" };

function Actions({ record }: { record: LookedAfterRecord }) {
  const user = useUser();
  if (!can(user, "lac:write")) return null;
  const base = `/people/${record.child.id}/looked-after`;
  const inCare = record.status === "looked_after";
  return (
    <div className="app-actions govuk-!-margin-bottom-6">
      {!inCare && <Link className="govuk-button govuk-!-margin-bottom-0" to={`${base}/start`}>Start a period of care</Link>}
      {inCare && <Link className="govuk-button govuk-!-margin-bottom-0" to={`${base}/change`}>Record a change of placement or legal status</Link>}
      {inCare && <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={`${base}/cease`}>End the period of care</Link>}
      {record.status !== "never" && <Link className="govuk-link" to={`${base}/uasc`}>UASC status</Link>}
    </div>
  );
}

function Summary({ record, today }: { record: LookedAfterRecord; today: string }) {
  const e = record.currentEpisode;
  const period = record.periods.at(-1);
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Status">
        {statusText[record.status]}
        {record.status === "looked_after" && period && ` since ${formatDate(period.startDate)}`}
        {record.status === "ceased" && period?.endDate && ` since ${formatDate(period.endDate)}${period.reasonCeased ? ` (${period.reasonCeased.label})` : ""}`}
      </SummaryRow>
      {e && <SummaryRow label="Legal status">{e.legalStatus ? `${e.legalStatus.code}: ${e.legalStatus.label}` : "Not recorded"}</SummaryRow>}
      {e && (
        <SummaryRow label="Placement">
          {e.place ? `${e.place.code}: ${e.place.label}` : "Not recorded"}
          {e.provider && <><br />{e.provider.name}</>}
          <br />{`Since ${formatDate(record.placements.at(-1)?.startDate ?? e.startDate)}`}
        </SummaryRow>
      )}
      {e && <SummaryRow label="Where">{placementWhere(e)}</SummaryRow>}
      <SummaryRow label="Social worker">{record.allocatedTo?.name ?? "Not allocated"}</SummaryRow>
      <SummaryRow label="Independent reviewing officer">{record.iro?.name ?? "Not assigned"}</SummaryRow>
      <SummaryRow label="Unaccompanied asylum-seeking child">{record.child.uasc ? `Yes${record.child.uascCeased ? `, until ${formatDate(record.child.uascCeased)}` : ""}` : "No"}</SummaryRow>
      {record.status === "looked_after" && (
        <SummaryRow label="Social worker visits">
          {record.visits.last ? `Last visit ${formatDate(record.visits.last)}` : "No visit recorded in this placement"}
          {record.visits.nextDue && (
            <>
              <br />
              {`Next due by ${formatDate(record.visits.nextDue)}`}
              {record.visits.overdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Overdue</strong>}
              {!record.visits.overdue && record.visits.nextDue === today && <strong className="govuk-tag govuk-tag--orange govuk-!-margin-left-2">Due today</strong>}
            </>
          )}
        </SummaryRow>
      )}
    </dl>
  );
}

function RecordView({ record }: { record: LookedAfterRecord }) {
  const user = useUser();
  const today = todayIso();
  return (
    <>
      <span className="govuk-caption-l">Looked after</span>
      <h1 className="govuk-heading-l">{record.child.name}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/people/${record.child.id}`}>Person record</Link>
        {record.caseId && <>{" · "}<Link className="govuk-link" to={`/cases/${record.caseId}`}>Looked-after case</Link></>}
      </p>
      <Actions record={record} />
      <Summary record={record} today={today} />
      {record.episodes.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Time in care</h2>
          <LacTimelineChart record={record} today={today} />
          <EpisodesTable record={record} canCorrect={can(user, "lac:write")} />
          <PlacementsSection record={record} />
          <PeriodsSection record={record} />
        </>
      )}
      {record.status !== "never" && <MissingSection record={record} canWrite={can(user, "lac:write")} />}
    </>
  );
}
