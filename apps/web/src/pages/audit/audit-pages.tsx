import { DEMO_AUTHORITIES } from "@family-story/domain";
import { auditQuerySchema, uuid, type AuditEvent, type AuditVerifyResult } from "@family-story/schemas";
import { useRef, useState, type SyntheticEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { get, post } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { Loaded, ProblemMessage } from "../../components/status.tsx";
import { AuditEventsTable } from "./audit-events-table.tsx";

interface AuditList {
  events: AuditEvent[];
  nextBeforeSeq: number | null;
}

const FILTERS = ["personId", "actorUserId", "action", "from", "to"] as const;
type Filter = (typeof FILTERS)[number];

/** Search the audit log by person, user, action and dates; page back through older events. */
export function AuditSearchPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<Record<Filter, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Record<Filter, string>);
  const [errors, setErrors] = useState<FieldErrors>({});
  const query = Object.fromEntries([...params.entries()]);
  const [load] = useLoad(() => get<AuditList>("/api/v1/audit", { ...query, limit: 50 }), [params.toString()]);
  usePageTitle("Audit log", Object.keys(errors).length > 0);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]));
    const checked = check(auditQuerySchema, given);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setParams(new URLSearchParams(given));
  }

  const bind = (f: Filter) => ({ name: f, value: values[f], error: errors[f], onChange: (v: string) => { setValues((s) => ({ ...s, [f]: v })); } });
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every time someone opens, searches or changes a record it is logged here. Searching the log is logged too.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/audit/people">A person's access history</Link>
        {can(user, "audit:verify") && (
          <>
            {" · "}
            <Link className="govuk-link" to="/audit/verify">Check the log is intact</Link>
          </>
        )}
      </p>
      <form onSubmit={submit} noValidate aria-label="Filter the audit log">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextField label="Person record ID (optional)" {...bind("personId")} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField label="User ID (optional)" {...bind("actorUserId")} spellCheck={false} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextField label="Action (optional)" hint="For example person.read" {...bind("action")} width="20" spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField label="From (optional)" hint="YYYY-MM-DD" {...bind("from")} width="10" />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField label="To (optional)" hint="YYYY-MM-DD" {...bind("to")} width="10" />
          </div>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">Search the log</button>
      </form>
      <Loaded load={load}>
        {(list) => (
          <>
            <AuditEventsTable events={list.events} caption="Events, newest first" />
            {list.nextBeforeSeq !== null && (
              <nav className="govuk-pagination" aria-label="Audit log pages">
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to={`/audit?${new URLSearchParams({ ...query, beforeSeq: String(list.nextBeforeSeq) }).toString()}`} rel="next">
                    <span className="govuk-pagination__link-title">Older events</span>
                  </Link>
                </div>
              </nav>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

/** Ask for a person's record ID, then show who has opened their record. */
export function PersonAccessLookupPage() {
  const navigate = useNavigate();
  const [personId, setPersonId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  usePageTitle("A person's access history", Object.keys(errors).length > 0);
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const checked = check(uuid, personId.trim());
    if (!checked.ok) {
      setErrors({ personId: "Enter the person's record ID, for example from the audit log or the address of their record" });
      return;
    }
    void navigate(`/audit/people/${checked.data}`);
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">A person's access history</h1>
        <form onSubmit={submit} noValidate>
          <TextField name="personId" label="Person record ID" hint="The ID at the end of the address of their record, such as 3f2a…" value={personId} onChange={setPersonId} error={errors.personId} spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">Show access history</button>
        </form>
      </div>
    </div>
  );
}

/** Everyone who opened, searched or changed one person's record. */
export function PersonAccessHistoryPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => get<AuditList>("/api/v1/audit", { personId: id, limit: 200 }), [id]);
  usePageTitle("Access history");
  return (
    <>
      <Link to="/audit/people" className="govuk-back-link">Back</Link>
      <span className="govuk-caption-l">Person record {id}</span>
      <h1 className="govuk-heading-l">Access history</h1>
      <Loaded load={load}>{(list) => <AuditEventsTable events={list.events} caption={`${list.events.length} ${list.events.length === 1 ? "event" : "events"} for this person`} showPerson={false} />}</Loaded>
    </>
  );
}

function authorityName(laCode: string, own: { laCode: string; laName: string }): string {
  if (laCode === own.laCode) return own.laName;
  return DEMO_AUTHORITIES.find((a) => a.laCode === laCode)?.name ?? laCode;
}

/** Check the hash chain of each authority's log and say plainly whether it is intact. */
export function AuditVerifyPage() {
  const user = useUser();
  const [results, setResults] = useState<AuditVerifyResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  usePageTitle("Check the audit log is intact");
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResults(await post<AuditVerifyResult[]>("/api/v1/audit/verify", {}));
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const errors: FieldErrors = error ? errorsFromError(error) : {};
  return (
    <>
      <h1 className="govuk-heading-l">Check the audit log is intact</h1>
      <p className="govuk-body">Each event holds a hash of the one before. Checking the chain shows whether any event has been removed or changed.</p>
      <button type="button" className="govuk-button" data-module="govuk-button" disabled={busy} onClick={() => void verify()}>
        {busy ? "Checking…" : "Check now"}
      </button>
      {error !== null && Object.keys(errors).length > 0 && <ProblemMessage error={error} />}
      {results && (
        <div ref={resultRef} tabIndex={-1} data-testid="verify-results">
          {results.map((r) =>
            r.ok ? (
              <div key={r.laCode} className="govuk-panel govuk-panel--confirmation">
                <h2 className="govuk-panel__title">Intact</h2>
                <div className="govuk-panel__body">
                  {authorityName(r.laCode, user)}: all {r.checked} events checked
                </div>
              </div>
            ) : (
              <div key={r.laCode} className="govuk-error-summary">
                <h2 className="govuk-error-summary__title">The log for {authorityName(r.laCode, user)} has been tampered with or damaged</h2>
                <div className="govuk-error-summary__body">
                  <p className="govuk-body">
                    First broken at event {r.firstBrokenSeq ?? "unknown"} after checking {r.checked} events. {r.problem}
                  </p>
                </div>
              </div>
            ),
          )}
        </div>
      )}
    </>
  );
}
