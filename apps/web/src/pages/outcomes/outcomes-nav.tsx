import type { MeasureDashboardKind } from "@family-story/schemas";
import { Link, useLocation } from "react-router";

/** The dashboards: where each lives, its heading and what it is for. */
export const DASHBOARD_PAGES: Record<MeasureDashboardKind, { path: string; label: string; summary: string }> = {
  leaders: {
    path: "/outcomes",
    label: "Children and young people's plan",
    summary: "The five outcomes of the Children and Young People's Plan and the measures the plan's outcomes framework tracks them by.",
  },
  "early-help": {
    path: "/outcomes/early-help",
    label: "Early help",
    summary: "The Early Help strategy's four priorities, then the ten Supporting Families outcomes families' plans work towards.",
  },
  team: {
    path: "/outcomes/team",
    label: "Team performance",
    summary: "The performance measures of one team's cases: the front door, assessments, child protection, children looked after, care leavers and early help.",
  },
};

const SECTIONS = [
  { path: DASHBOARD_PAGES.leaders.path, label: DASHBOARD_PAGES.leaders.label },
  { path: DASHBOARD_PAGES["early-help"].path, label: DASHBOARD_PAGES["early-help"].label },
  { path: DASHBOARD_PAGES.team.path, label: DASHBOARD_PAGES.team.label },
  { path: "/outcomes/measures", label: "All measures" },
] as const;

/** Sub-navigation across the Outcomes area; the current section is marked for screen readers. */
export function OutcomesNav() {
  const { pathname } = useLocation();
  return (
    <nav className="app-sub-nav app-no-print" aria-label="Outcomes">
      <ul className="app-sub-nav__list">
        {SECTIONS.map((s) => {
          const current = s.path === "/outcomes" ? pathname === "/outcomes" : pathname === s.path || pathname.startsWith(`${s.path}/`);
          return (
            <li className="app-sub-nav__item" key={s.path}>
              <Link className="govuk-link govuk-link--no-visited-state" to={s.path} aria-current={current ? "page" : undefined}>
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
