import { ROLE_LABELS } from "@family-story/domain";
import { useEffect, useRef, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { can, useAuth } from "./auth-context.tsx";

interface NavItem {
  href: string;
  label: string;
}

function navItems(permissions: (action: string) => boolean): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: "Home" }];
  if (permissions("task:update")) items.push({ href: "/work", label: "My work" });
  if (permissions("contact:read")) items.push({ href: "/front-door", label: "Front door" });
  // Partners ask the front door for support; staff record contacts there instead.
  else if (permissions("request:submit")) items.push({ href: "/requests", label: "Requests for support" });
  if (permissions("person:search")) items.push({ href: "/people", label: "Find a person" });
  if (permissions("person:create")) items.push({ href: "/people/new", label: "Record a new person" });
  if (permissions("iro:read")) items.push({ href: "/iro", label: "IRO dashboard" });
  if (permissions("admin:read")) items.push({ href: "/admin", label: "Administration" });
  if (permissions("report:read")) items.push({ href: "/reports", label: "Reports" });
  if (permissions("measure:read")) items.push({ href: "/outcomes", label: "Outcomes" });
  if (permissions("governance:read")) items.push({ href: "/governance", label: "Strategy and scrutiny" });
  if (permissions("return:prepare")) items.push({ href: "/returns", label: "Returns" });
  if (permissions("audit:read")) items.push({ href: "/audit", label: "Audit log" });
  return items;
}

function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/people") return pathname === "/people" || (pathname.startsWith("/people/") && !pathname.startsWith("/people/new"));
  return pathname === href || pathname.startsWith(`${href}/`);
}

function Header() {
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  const user = session.state === "signed-in" ? session.user : null;
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <Link to="/" className="govuk-header__link govuk-header__link--homepage">
            <span className="govuk-header__logotype-text">Family Story</span>
          </Link>
        </div>
        {user && (
          <div className="govuk-header__content">
            <p className="app-header-user">
              <span data-testid="header-user">{user.displayName}</span>
              <span className="app-header-user__role">
                {ROLE_LABELS[user.role]}, {user.organisationName} ({user.laName})
              </span>
              <button
                type="button"
                className="app-link-button"
                onClick={() => {
                  void signOut().then(() => navigate("/sign-in"));
                }}
              >
                Sign out
              </button>
            </p>
          </div>
        )}
      </div>
    </header>
  );
}

function ServiceNavigation({ pathname }: { pathname: string }) {
  const { session } = useAuth();
  if (session.state !== "signed-in") return null;
  const user = session.user;
  const items = navItems((action) => can(user, action));
  return (
    <section className="govuk-service-navigation" aria-label="Service information">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const active = isActive(item.href, pathname);
                return (
                  <li key={item.href} className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
                    <Link className="govuk-service-navigation__link" to={item.href} aria-current={active ? "page" : undefined}>
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

/** The page frame: skip link, header, navigation, phase banner, main and footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { config } = useAuth();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a route change, move focus to the main content so screen readers start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header />
      <ServiceNavigation pathname={location.pathname} />
      <section className="govuk-width-container" aria-label="Service status">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">{config?.demo ? "Demo" : "Beta"}</strong>
            <span className="govuk-phase-banner__text">
              {config?.demo ? "This is a demonstration service. Every person in it is made up." : "This is a new service. Tell your administrator about any problems."}
            </span>
          </p>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">About this service</h2>
              <p className="govuk-body-s">Family Story: records for children's services in England. Open source under the MIT licence.</p>
              <p className="govuk-body-s">Every use of a person's record is logged and can be audited.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
