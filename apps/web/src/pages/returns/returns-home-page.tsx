import { Link } from "react-router";
import { usePageTitle } from "../../app/page-title.ts";

/** /returns: prepare a statutory return from the records, or check a file in the browser. */
export function ReturnsHomePage() {
  usePageTitle("Statutory returns");
  return (
    <>
      <h1 className="govuk-heading-l">Statutory returns</h1>
      <p className="govuk-body">The SSDA903 (children looked after) and the CIN census (children in need), checked against every DfE validation rule.</p>
      <ul className="govuk-list">
        <li className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
            <Link className="govuk-link" to="/returns/prepare">Prepare a return</Link>
          </h2>
          <p className="govuk-body">Build the return for a year from what is recorded, see what the DfE rules would find, follow each finding to the child’s record to put it right, and download the files to submit.</p>
        </li>
        <li className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
            <Link className="govuk-link" to="/returns/check">Check a return file</Link>
          </h2>
          <p className="govuk-body">Check files you already have, from another system, against the same rules. The check runs in your browser: the files are not sent anywhere.</p>
        </li>
      </ul>
    </>
  );
}
