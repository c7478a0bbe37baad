import { Link, useLocation } from "react-router";

/** The sections of a looked-after child's record, each a page under /people/:id/looked-after. */
export const LAC_SECTIONS = [
  { path: "", label: "Care and placements" },
  { path: "/health", label: "Health and education" },
  { path: "/permanence", label: "Permanence" },
  { path: "/leaving-care", label: "Leaving care" },
  { path: "/reviews", label: "Reviews" },
  { path: "/iro", label: "IRO" },
] as const;

/** Sub-navigation across a looked-after child's record; the current section is marked for screen readers. */
export function LacSubNav({ personId }: { personId: string }) {
  const { pathname } = useLocation();
  const base = `/people/${personId}/looked-after`;
  return (
    <nav className="app-sub-nav" aria-label="Looked-after record">
      <ul className="app-sub-nav__list">
        {LAC_SECTIONS.map((s) => {
          const href = `${base}${s.path}`;
          const current = s.path === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li className="app-sub-nav__item" key={s.path}>
              <Link className="govuk-link govuk-link--no-visited-state" to={href} aria-current={current ? "page" : undefined}>
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
