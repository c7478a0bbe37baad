import type { Route } from "../http/route.ts";
import { adminOrganisationRoutes } from "./admin-organisation-routes.ts";
import { adminUserRoutes } from "./admin-user-routes.ts";
import { auditRoutes } from "./audit-routes.ts";
import { caseNoteRoutes } from "./case-note-routes.ts";
import { caseworkRoutes } from "./casework-routes.ts";
import { earlyHelpRoutes } from "./early-help-routes.ts";
import { frontDoorRoutes } from "./front-door-routes.ts";
import { authRoutes } from "./auth-routes.ts";
import { healthRoutes } from "./health-routes.ts";
import { importRoutes } from "./import-routes.ts";
import { oidcRoutes } from "./oidc-routes.ts";
import { openapiRoutes } from "./openapi-routes.ts";
import { peopleRoutes } from "./people-routes.ts";
import { socialCareRoutes } from "./social-care-routes.ts";
import { lookedAfterRoutes } from "./looked-after-routes.ts";
import { lookedAfterHealthRoutes } from "./looked-after-health-routes.ts";
import { personLinksRoutes } from "./person-links-routes.ts";
import { supervisionRoutes } from "./supervision-routes.ts";
import { lacReviewRoutes } from "./lac-review-routes.ts";
import { iroRoutes } from "./iro-routes.ts";
import { reportRoutes } from "./report-routes.ts";
import { returnRoutes } from "./return-routes.ts";

/** Every endpoint of the service. The OpenAPI document and the permission snapshot are built from this list. */
export const allRoutes: Route[] = [...healthRoutes, ...openapiRoutes, ...authRoutes, ...oidcRoutes, ...peopleRoutes, ...personLinksRoutes, ...adminOrganisationRoutes, ...adminUserRoutes, ...auditRoutes, ...caseworkRoutes, ...socialCareRoutes, ...lookedAfterRoutes, ...lookedAfterHealthRoutes, ...frontDoorRoutes, ...caseNoteRoutes, ...supervisionRoutes, ...earlyHelpRoutes, ...lacReviewRoutes, ...iroRoutes, ...reportRoutes, ...returnRoutes, ...importRoutes];
