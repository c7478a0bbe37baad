import { THRESHOLD_LEVELS } from "@family-story/domain";
import type { ContactDetail } from "@family-story/schemas";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { request } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { formatDate, formatDateTime } from "../../components/format.ts";
import type { FieldErrors } from "../../components/form-errors.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { ContactChildrenSection } from "./contact-children-section.tsx";
import { DecisionForm } from "./decision-form.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";

const CONSENT = { yes: "Yes", no: "No", not_asked: "Not asked" } as const;


function DecisionSummary({ contact }: { contact: ContactDetail }) {
  return (
    <section aria-labelledby="decision-heading">
      <h2 className="govuk-heading-m" id="decision-heading">
        Decision
      </h2>
      <dl className="govuk-summary-list" data-testid="decision-summary">
        <SummaryRow label="Decision">{contact.decisionLabel}</SummaryRow>
        <SummaryRow label="Threshold level">{THRESHOLD_LEVELS.find((l) => l.code === contact.thresholdLevel)?.label ?? contact.thresholdLevel}</SummaryRow>
        <SummaryRow label="Decided by">
          {contact.decidedBy?.name}
          {contact.decidedAt && `, ${formatDateTime(contact.decidedAt)}`}
        </SummaryRow>
        <SummaryRow label="Reasons">{contact.reasons}</SummaryRow>
        {contact.override && (
          <SummaryRow label="Safeguarding override">
            {contact.override.by.name} shared without consent with {contact.override.organisations.map((o) => o.name).join(", ")} until {formatDate(contact.override.until)}: {contact.override.reason}
          </SummaryRow>
        )}
      </dl>
    </section>
  );
}

/** One contact: what was said, the children linked to their records, and the decision. */
export function ContactPage() {
  const { id = "" } = useParams();
  const user = useUser();
  const location = useLocation();
  const [flash, setFlash] = useState((location.state as { flash?: string } | null)?.flash ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [load, reload] = useLoad(() => request<ContactDetail>("GET", `/api/v1/contacts/${id}`), [id]);
  usePageTitle("Contact", Object.keys(errors).length > 0);
  return (
    <>
      <Link to="/front-door" className="govuk-back-link">
        Back to the front door
      </Link>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <ErrorSummary errors={errors} />
      <Loaded load={load}>
        {({ body: contact, etag }) => (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <span className="govuk-caption-l">{contact.via === "partner_request" ? "Request for support" : "Contact"}</span>
              <h1 className="govuk-heading-l">
                {contact.childNames.length > 0 ? contact.childNames.join(", ") : "Children not named"}
                {contact.repeatReferral && <strong className="govuk-tag govuk-tag--purple govuk-!-margin-left-2">Repeat referral</strong>}
              </h1>
              <p className="govuk-body" data-testid="due-text">
                {contact.dueStatus === "overdue" && <strong className="govuk-tag govuk-tag--red govuk-!-margin-right-1">Overdue</strong>}
                {contact.dueText}
              </p>
              <dl className="govuk-summary-list">
                <SummaryRow label="Received">{formatDateTime(contact.receivedAt)}</SummaryRow>
                <SummaryRow label="Source">
                  {contact.referralSource}: {contact.referralSourceLabel}
                </SummaryRow>
                <SummaryRow label="From">{[contact.contactName, contact.contactRole, contact.contactOrganisation].filter(Boolean).join(", ")}</SummaryRow>
                {contact.contactPhone && <SummaryRow label="Phone">{contact.contactPhone}</SummaryRow>}
                <SummaryRow label="Concerns">{contact.concerns}</SummaryRow>
                {contact.familyDetails && <SummaryRow label="About the family">{contact.familyDetails}</SummaryRow>}
                <SummaryRow label="Children as described">{contact.describedChildren.map((c) => `${c.givenName} ${c.familyName}${c.dob ? ` (born ${formatDate(c.dob)})` : ""}`).join("; ") || "None given"}</SummaryRow>
                <SummaryRow label="Consent to share">{CONSENT[contact.consentSharing]}</SummaryRow>
                <SummaryRow label="Consent to early help">{CONSENT[contact.consentEarlyHelp]}</SummaryRow>
              </dl>
              <ContactChildrenSection contact={contact} canLink={can(user, "contact:create")} onChanged={() => { setFlash(null); reload(); }} />
              {contact.status === "decided" ? (
                <DecisionSummary contact={contact} />
              ) : can(user, "contact:decide") ? (
                <DecisionForm contact={contact} etag={etag} errors={errors} setErrors={setErrors} onDecided={() => { setFlash("The decision has been recorded."); reload(); }} />
              ) : (
                <p className="govuk-body">A team manager decides what happens next.</p>
              )}
            </div>
          </div>
        )}
      </Loaded>
    </>
  );
}
