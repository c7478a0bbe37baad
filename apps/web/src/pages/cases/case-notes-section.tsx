import type { CaseDetail, CaseNote } from "@family-story/schemas";
import { Link } from "react-router";
import { loadCaseNotes } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";

/** "Seen alone", "Seen", "Not seen" or nothing, for a note. */
export function seenText(note: Pick<CaseNote, "childSeen" | "seenAlone">): string {
  if (note.childSeen === null) return "";
  if (!note.childSeen) return "Child not seen";
  return note.seenAlone ? "Child seen alone" : "Child seen";
}

/** The case notes of a case, newest first, each opening to its full text and history. */
export function CaseNotesSection({ caseDetail }: { caseDetail: CaseDetail }) {
  const [load] = useLoad(() => loadCaseNotes(caseDetail.id), [caseDetail.id]);
  const names = new Map(caseDetail.members.map((m) => [m.person.id, m.person.name]));
  return (
    <section aria-labelledby="case-notes-heading">
      <h2 className="govuk-heading-m" id="case-notes-heading">Case notes</h2>
      <Loaded load={load}>
        {(notes) =>
          notes.length === 0 ? (
            <p className="govuk-body">No case notes yet.</p>
          ) : (
            <table className="govuk-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Date</th>
                  <th scope="col" className="govuk-table__header">Note</th>
                  <th scope="col" className="govuk-table__header">About</th>
                  <th scope="col" className="govuk-table__header">By</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {notes.map((n) => (
                  <tr className="govuk-table__row" key={n.id} data-testid="case-note">
                    <td className="govuk-table__cell">{formatDate(n.noteDate)}</td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/case-notes/${n.id}`}>{n.noteTypeLabel}</Link>
                      {n.version > 1 && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-1">Version {n.version}</strong>}
                      <p className="app-result__meta">{[seenText(n), n.present ? `Present: ${n.present}` : ""].filter(Boolean).join(". ")}</p>
                      <p className="govuk-body-s app-note-excerpt">{n.body}</p>
                    </td>
                    <td className="govuk-table__cell">{names.get(n.personId) ?? ""}</td>
                    <td className="govuk-table__cell">{n.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
