import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { get } from "../api/api-client.ts";
import { useLoad } from "../api/use-api.ts";
import { can, useUser } from "../app/auth-context.tsx";
import { usePageTitle } from "../app/page-title.ts";
import { ScrollTable } from "./scroll-table.tsx";
import { Loaded, SuccessBanner } from "./status.tsx";

/** One column of an administration list: its heading and how to show a row's cell. */
export interface AdminColumn<T> {
  header: string;
  /** Right-aligned, for counts. */
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

/** What an administration list page shows: where its rows come from and how to show them. */
export interface AdminListProps<T> {
  /** Page heading, page title and the table's accessible name. */
  title: string;
  /** The "Add a …" button's text. */
  addLabel: string;
  /** The page's own address: adding is `${path}/new`, changing a row is `${path}/${id}`. */
  path: string;
  /** The API address that returns every row. */
  api: string;
  columns: readonly AdminColumn<T>[];
  /** The row's name, read out after "Change" so each link is distinct. */
  rowName: (row: T) => string;
  testId?: string;
}

/**
 * The list page every administration area shares: the flash from the last save, a heading,
 * the add button and a table with a "Change" link per row (both only for `admin:write`).
 */
export function AdminListPage<T extends { id: string }>({ title, addLabel, path, api, columns, rowName, testId }: AdminListProps<T>) {
  const user = useUser();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [load] = useLoad(() => get<T[]>(api), [api]);
  usePageTitle(title);
  const canWrite = can(user, "admin:write");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">{title}</h1>
      {canWrite && (
        <Link className="govuk-button" to={`${path}/new`}>
          {addLabel}
        </Link>
      )}
      <Loaded load={load}>
        {(rows) => (
          <ScrollTable label={title}><table className="govuk-table" data-testid={testId}>
            <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? "govuk-table__header govuk-table__header--numeric" : "govuk-table__header"}>{c.header}</th>
                ))}
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr className="govuk-table__row" key={row.id}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.numeric ? "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell"}>{c.cell(row)}</td>
                  ))}
                  <td className="govuk-table__cell">
                    {canWrite && (
                      <Link className="govuk-link" to={`${path}/${row.id}`}>
                        Change<span className="govuk-visually-hidden"> {rowName(row)}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></ScrollTable>
        )}
      </Loaded>
    </>
  );
}
