import { CIN_CLOSURE_REASONS, EARLY_HELP_CLOSURE_REASONS, codeLabel } from "@family-story/domain";
import type { CaseDetail } from "@family-story/schemas";
import { Link, useLocation, useParams } from "react-router";
import { loadCase } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { EarlyHelpSections } from "../early-help/early-help-sections.tsx";
import { SocialCareSections } from "../social-care/social-care-sections.tsx";
import { caseKindLabel } from "../work/due-tag.tsx";
import { WorkItemsTable } from "../work/work-items-table.tsx";
import { CaseNotesSection } from "./case-notes-section.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";

/** A case: who it is about, who holds it, what is due, its history, notes, then its service's own sections. */
export function CasePage() {
  const { id = "" } = useParams();
  const [load, reload] = useLoad(() => loadCase(id), [id]);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle(load.state === "done" ? `${load.value.body.subject.name}: ${caseKindLabel(load.value.body.kind)}` : "Case");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <Loaded load={load}>{({ body }) => <CaseView detail={body} reload={reload} />}</Loaded>
    </>
  );
}

/** The closure reason in words: early help reasons, or the CIN census RC codes with their meaning. */
function closureText(detail: CaseDetail): string {
  const reason = detail.closureReason;
  if (reason === null) return "";
  const label = detail.kind === "early_help" ? codeLabel(EARLY_HELP_CLOSURE_REASONS, reason) : `${reason} ${codeLabel(CIN_CLOSURE_REASONS, reason)}`;
  return `: ${label}`;
}

function CaseView({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const user = useUser();
  const open = detail.status === "open";
  return (
    <>
      <span className="govuk-caption-l">{caseKindLabel(detail.kind)} case</span>
      <h1 className="govuk-heading-l">
        {detail.subject.name}
        {!open && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong>}
      </h1>
      <div className="app-actions govuk-!-margin-bottom-6">
        {open && can(user, "case:write") && (
          <Link className="govuk-button govuk-!-margin-bottom-0" to={`/cases/${detail.id}/notes/new`}>Add a case note</Link>
        )}
        {open && can(user, "case:write") && (
          <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={`/tasks/new?caseId=${detail.id}`}>Add a task</Link>
        )}
        {can(user, "note:read") && <Link className="govuk-link" to={`/people/${detail.subject.id}/chronology`}>Chronology</Link>}
        <Link className="govuk-link" to={`/people/${detail.subject.id}`}>Person record</Link>
        {detail.kind === "looked_after" && can(user, "lac:read") && <Link className="govuk-link" to={`/people/${detail.subject.id}/looked-after`}>Looked-after record</Link>}
      </div>
      <dl className="govuk-summary-list">
        <SummaryRow label="Case">{detail.title}</SummaryRow>
        <SummaryRow label="Opened">{formatDate(detail.openedOn)}</SummaryRow>
        {detail.closedOn && <SummaryRow label="Closed">{`${formatDate(detail.closedOn)}${closureText(detail)}`}</SummaryRow>}
        {detail.thresholdLevel !== null && <SummaryRow label="Level of need">{`Level ${String(detail.thresholdLevel)}`}</SummaryRow>}
        <SummaryRow label="Allocated to">
          {detail.allocatedTo?.name ?? "Unallocated"}
          {open && can(user, "case:allocate") && (
            <>
              {" "}
              <Link className="govuk-link" to={`/cases/${detail.id}/allocate`}>{detail.allocatedTo ? "Reallocate" : "Allocate"}</Link>
            </>
          )}
        </SummaryRow>
        <SummaryRow label="Last discussed in supervision">{detail.lastSupervisedOn ? formatDate(detail.lastSupervisedOn) : "Not yet discussed"}</SummaryRow>
      </dl>
      <h2 className="govuk-heading-m">People in this case</h2>
      <ul className="govuk-list">
        {detail.members.map((m) => (
          <li key={m.person.id}>
            <Link className="govuk-link" to={`/people/${m.person.id}`}>{m.person.name}</Link> ({m.role}{m.dob ? `, born ${formatDate(m.dob)}` : ""})
          </li>
        ))}
        {detail.hiddenMembers > 0 && <li>{detail.hiddenMembers === 1 ? "1 other person whose record you cannot open" : `${String(detail.hiddenMembers)} other people whose records you cannot open`}</li>}
      </ul>
      <WorkItemsTable items={detail.workItems} caption="Work on this case" onChanged={reload} showPerson={false} />
      {detail.history.length > 1 && (
        <>
          <h2 className="govuk-heading-m">History: stepping up and down</h2>
          <ol className="app-timeline" aria-label="Cases in this history">
            {detail.history.map((h) => (
              <li className="app-timeline__item" key={h.id}>
                {h.id === detail.id ? <strong>{caseKindLabel(h.kind)}: {h.title} (this case)</strong> : <Link className="govuk-link" to={`/cases/${h.id}`}>{caseKindLabel(h.kind)}: {h.title}</Link>}
                <span className="app-result__meta"> {formatDate(h.openedOn)} to {h.closedOn ? formatDate(h.closedOn) : "now"}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {can(user, "note:read") && <CaseNotesSection caseDetail={detail} />}
      {detail.kind === "early_help" && <EarlyHelpSections detail={detail} reload={reload} />}
      {/* The social care record is staff-only: a partner sees the case's summary, never its strategy discussions or enquiries. */}
      {detail.kind === "social_care" && can(user, "social-care:read") && <SocialCareSections detail={detail} reload={reload} />}
    </>
  );
}

