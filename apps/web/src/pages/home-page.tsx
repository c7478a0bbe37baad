import { ROLE_LABELS } from "@family-story/domain";
import { Link } from "react-router";
import { can, useUser } from "../app/auth-context.tsx";
import { usePageTitle } from "../app/page-title.ts";

interface Card {
  href: string;
  title: string;
  text: string;
}

/** The dashboard: what this user can do, in the order their role most needs it. */
export function HomePage() {
  const user = useUser();
  usePageTitle("Home");
  const cards: Card[] = [];
  if (can(user, "task:update")) {
    cards.push({ href: "/work", title: "My work", text: user.role === "partner_practitioner" ? "The actions you own for families you work with." : "Your open cases and tasks, overdue first." });
  }
  if (can(user, "supervision:write")) cards.push({ href: "/supervision", title: "Team supervision", text: "Who is due or overdue for supervision, and record a session." });
  if (can(user, "iro:read")) cards.push({ href: "/iro", title: "IRO dashboard", text: "Children’s reviews and mid-points due or overdue, open disputes, and the quality-assurance summary." });
  if (can(user, "person:search")) {
    const partner = user.role === "partner_practitioner";
    cards.push({
      href: "/people",
      title: "Find a person",
      text: partner ? "Find a child or family member whose record has been shared with your organisation." : "Search by name in any spelling, date of birth, NHS number, UPN or postcode.",
    });
  }
  if (can(user, "person:create")) cards.push({ href: "/people/new", title: "Record a new person", text: "Check they are not already recorded first: search before you add." });
  if (can(user, "contact:read")) cards.push({ href: "/front-door", title: "Front door", text: "Contacts and requests for support awaiting a decision, most urgent first." });
  if (user.role === "partner_practitioner" && can(user, "request:submit")) cards.push({ href: "/requests/new", title: "Request support for a family", text: "Ask the front door for help for a child or family, with their consent." });
  if (user.role === "partner_practitioner" && can(user, "request:submit")) cards.push({ href: "/requests", title: "Your requests for support", text: "What you have asked for and what the front door decided." });
  if (can(user, "report:read")) cards.push({ href: "/reports", title: "Reports", text: "The IRO annual report, placement stability and timeliness for children looked after, with charts and CSV." });
  if (can(user, "admin:read")) {
    cards.push({ href: "/admin/users", title: "Users", text: "Add staff, change their role or team, and deactivate leavers." });
    cards.push({ href: "/admin/teams", title: "Teams", text: "Teams decide whose records a practitioner can open." });
    cards.push({ href: "/admin/organisations", title: "Organisations", text: "Your authority's services and partner organisations such as schools and GP practices." });
  }
  if (can(user, "settings:write")) cards.push({ href: "/admin/local-standards", title: "Local standards", text: "Visit frequency, review intervals and other local practice standards." });
  if (can(user, "audit:read")) {
    cards.push({ href: "/audit", title: "Search the audit log", text: "Who opened or changed which record, and when." });
    cards.push({ href: "/audit/people", title: "A person's access history", text: "Everyone who has opened a person's record." });
  }
  if (can(user, "audit:verify")) cards.push({ href: "/audit/verify", title: "Check the audit log is intact", text: "Verify the hash chain: no event removed or altered." });

  return (
    <>
      <span className="govuk-caption-l">
        {ROLE_LABELS[user.role]}, {user.teamName ?? user.organisationName}
      </span>
      <h1 className="govuk-heading-l">Welcome, {user.displayName}</h1>
      {cards.length === 0 ? (
        <p className="govuk-body">There is nothing your role can do here yet. Ask your administrator.</p>
      ) : (
        <div className="govuk-grid-row">
          {cards.map((card) => (
            <div className="govuk-grid-column-one-third" key={card.href}>
              <div className="app-dashboard-card">
                <h2 className="govuk-heading-m">
                  <Link className="govuk-link" to={card.href}>
                    {card.title}
                  </Link>
                </h2>
                <p className="govuk-body">{card.text}</p>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
