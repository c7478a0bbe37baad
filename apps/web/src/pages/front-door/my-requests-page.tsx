import type { MyRequest } from "@family-story/schemas";
import { Link, useLocation } from "react-router";
import { get } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDateTime } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { Loaded, SuccessBanner } from "../../components/status.tsx";

/** A partner's requests for support: when sent, about whom, and what the front door decided. */
export function MyRequestsPage() {
  usePageTitle("Your requests for support");
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const [load] = useLoad(() => get<MyRequest[]>("/api/v1/requests-for-support"), []);
  return (
    <>
      {flash && <SuccessBanner title="Request sent">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">Your requests for support</h1>
      <Link to="/requests/new" className="govuk-button" data-module="govuk-button">
        Request support for a family
      </Link>
      <Loaded load={load}>
        {(requests) =>
          requests.length === 0 ? (
            <p className="govuk-body">You have not sent any requests.</p>
          ) : (
            <ScrollTable label="Your requests">
              <table className="govuk-table" data-testid="my-requests">
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Sent</th>
                    <th scope="col" className="govuk-table__header">Children</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header">Outcome</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {requests.map((r) => (
                    <tr className="govuk-table__row" key={r.id}>
                      <td className="govuk-table__cell">{formatDateTime(r.receivedAt)}</td>
                      <td className="govuk-table__cell">{r.children.join(", ")}</td>
                      <td className="govuk-table__cell">
                        {r.status === "decided" ? <strong className="govuk-tag govuk-tag--green">Decided</strong> : <strong className="govuk-tag govuk-tag--blue">Awaiting decision</strong>}
                      </td>
                      <td className="govuk-table__cell">{r.outcome ?? "Not decided yet"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </Loaded>
    </>
  );
}
