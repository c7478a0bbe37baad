import type { CaseNoteVersion, CaseNoteWithHistory } from "@family-story/schemas";
import { CASE_NOTE_TYPES, codeLabel, isCaseNoteType } from "@family-story/domain";
import { Link, useLocation, useParams } from "react-router";
import { loadCaseNote } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { seenText } from "./case-notes-section.tsx";

const KIND: Record<CaseNoteVersion["kind"], string> = { original: "Written", edit: "Edited", amendment: "Amended" };

/** A case note in full, with every version it has had. */
export function CaseNotePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadCaseNote(id), [id]);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle(load.state === "done" ? `${load.value.body.noteTypeLabel}, ${formatDate(load.value.body.noteDate)}` : "Case note");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <Loaded load={load}>{({ body }) => <NoteView note={body} />}</Loaded>
    </>
  );
}

function NoteView({ note }: { note: CaseNoteWithHistory }) {
  const user = useUser();
  return (
    <>
      <span className="govuk-caption-l">Case note{note.locked ? " (locked)" : ""}</span>
      <h1 className="govuk-heading-l">
        {note.noteTypeLabel}, {formatDate(note.noteDate)}
      </h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Written by</dt>
          <dd className="govuk-summary-list__value">{note.createdBy} on {formatDateTime(note.createdAt)}</dd>
        </div>
        {note.present && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Present</dt>
            <dd className="govuk-summary-list__value">{note.present}</dd>
          </div>
        )}
        {note.childSeen !== null && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Child</dt>
            <dd className="govuk-summary-list__value">{seenText(note)}</dd>
          </div>
        )}
      </dl>
      <p className="govuk-body app-note-body">{note.body}</p>
      <div className="app-actions govuk-!-margin-bottom-6">
        {note.canEdit && can(user, "case:write") && (
          <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={`/case-notes/${note.id}/edit`}>
            {note.locked ? "Amend this note" : "Change this note"}
          </Link>
        )}
        {note.caseId && <Link className="govuk-link" to={`/cases/${note.caseId}`}>Back to the case</Link>}
      </div>
      <h2 className="govuk-heading-m">History</h2>
      <ol className="app-timeline" aria-label="Versions of this note" data-testid="note-history">
        {[...note.history].reverse().map((v) => (
          <li className="app-timeline__item" key={v.version} data-testid="note-version">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              Version {v.version}: {KIND[v.kind]} by {v.changedBy ?? "unknown"}, {formatDateTime(v.changedAt)}
            </h3>
            {v.reason && <p className="govuk-body-s">Reason: {v.reason}</p>}
            <p className="app-result__meta">
              {formatDate(v.noteDate)}, {isCaseNoteType(v.noteType) ? codeLabel(CASE_NOTE_TYPES, v.noteType) : v.noteType}
              {v.childSeen !== null ? `. ${seenText(v)}` : ""}
            </p>
            <p className="govuk-body app-note-body">{v.body}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
