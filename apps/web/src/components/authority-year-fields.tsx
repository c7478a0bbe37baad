import { collectionYearOf, todayIso } from "@family-story/domain";
import type { ReportAuthority } from "@family-story/schemas";

/** "1 April 2018 to 31 March 2019" for the collection year starting 2018. */
export const collectionYearText = (year: number): string => `1 April ${String(year)} to 31 March ${String(year + 1)}`;

/**
 * The authority and collection-year choices that reports and returns share: two selects side by
 * side, the years from this one back `yearsOffered`, this one marked "so far".
 */
export function AuthorityYearFields(props: {
  idPrefix: string;
  authorities: readonly ReportAuthority[];
  la: string;
  onLa: (la: string) => void;
  year: string;
  onYear: (year: string) => void;
  yearsOffered: number;
}) {
  const current = collectionYearOf(todayIso());
  const years = Array.from({ length: props.yearsOffered }, (_, i) => current - i);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={`${props.idPrefix}-la`}>Local authority</label>
          <select className="govuk-select" id={`${props.idPrefix}-la`} name="la" value={props.la} onChange={(e) => {
              props.onLa(e.target.value);
            }}>
            {props.authorities.map((a) => (
              <option value={a.code} key={a.code}>{a.name}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="govuk-grid-column-one-half">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={`${props.idPrefix}-year`}>Year</label>
          <select className="govuk-select" id={`${props.idPrefix}-year`} name="year" value={props.year} onChange={(e) => {
              props.onYear(e.target.value);
            }}>
            {years.map((y) => (
              <option value={String(y)} key={y}>{collectionYearText(y)}{y === current ? " (so far)" : ""}</option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
