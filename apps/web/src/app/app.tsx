import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { AdminHomePage } from "../pages/admin/admin-home-page.tsx";
import { ImportJobPage } from "../pages/admin/import-job-page.tsx";
import { ImportsPage } from "../pages/admin/import-pages.tsx";
import { ReportPage } from "../pages/reports/report-page.tsx";
import { ReportsHomePage } from "../pages/reports/reports-home-page.tsx";
import { DashboardPage } from "../pages/outcomes/dashboard-page.tsx";
import { MeasureCataloguePage } from "../pages/outcomes/measure-catalogue-page.tsx";
import { MeasureChildrenPage } from "../pages/outcomes/measure-children-page.tsx";
import { MeasureDetailPage } from "../pages/outcomes/measure-detail-page.tsx";
import { FigureEntryPage } from "../pages/outcomes/figures/figure-entry-page.tsx";
import { FigureImportJobPage } from "../pages/outcomes/figures/figure-import-job-page.tsx";
import { FigureImportPage } from "../pages/outcomes/figures/figure-import-page.tsx";
import { CheckFilePage } from "../pages/returns/check-file-page.tsx";
import { PrepareReturnPage } from "../pages/returns/prepare-return-page.tsx";
import { ReturnsHomePage } from "../pages/returns/returns-home-page.tsx";
import { GovernanceHomePage } from "../pages/governance/governance-home-page.tsx";
import { StrategyPage } from "../pages/governance/strategy-page.tsx";
import { GovActionPage } from "../pages/governance/gov-action-page.tsx";
import { WhatWeSaidPage } from "../pages/governance/what-we-said-page.tsx";
import { CommitteePage } from "../pages/governance/committee-page.tsx";
import { AddPriorityPage, AddStrategyPage, EditPriorityPage } from "../pages/governance/strategy-form-pages.tsx";
import { AddGovActionPage, EditGovActionPage } from "../pages/governance/gov-action-form-pages.tsx";
import { AddMeetingPage, AddWorkItemPage, MoveWorkItemPage } from "../pages/governance/committee-form-pages.tsx";
import { AddCommitteeActionPage, AddRecommendationPage, RecordResponsePage, UpdateCommitteeActionPage } from "../pages/governance/committee-tracker-form-pages.tsx";
import { OrganisationFormPage, OrganisationListPage } from "../pages/admin/organisation-pages.tsx";
import { SharedServicesPage } from "../pages/admin/shared-service-pages.tsx";
import { TeamFormPage, TeamListPage } from "../pages/admin/team-pages.tsx";
import { UserFormPage, UserListPage } from "../pages/admin/user-pages.tsx";
import { AuditSearchPage, AuditVerifyPage, PersonAccessHistoryPage, PersonAccessLookupPage } from "../pages/audit/audit-pages.tsx";
import { LocalStandardsPage } from "../pages/admin/local-standards-page.tsx";
import { EditCaseNotePage, NewCaseNotePage } from "../pages/cases/case-note-form-pages.tsx";
import { CaseNotePage } from "../pages/cases/case-note-page.tsx";
import { CasePage } from "../pages/cases/case-page.tsx";
import { SocialCareStepPage } from "../pages/social-care/social-care-step-page.tsx";
import { LookedAfterPage } from "../pages/looked-after/looked-after-page.tsx";
import { CeaseCarePage, ChangeCarePage, StartCarePage } from "../pages/looked-after/lac-care-forms.tsx";
import { CorrectEpisodePage } from "../pages/looked-after/lac-episode-page.tsx";
import { NewMissingPage, UpdateMissingPage } from "../pages/looked-after/lac-missing-pages.tsx";
import { UascPage } from "../pages/looked-after/lac-uasc-page.tsx";
import { LacHealthPage } from "../pages/looked-after/lac-health-page.tsx";
import { LacCheckFormPage } from "../pages/looked-after/lac-check-form-page.tsx";
import { LacPermanencePage } from "../pages/looked-after/lac-permanence-page.tsx";
import { LacPermanenceFormPage } from "../pages/looked-after/lac-permanence-forms.tsx";
import { LacLeavingCarePage } from "../pages/looked-after/lac-leaving-care-page.tsx";
import { LacOc3FormPage, LacPathwayPlanFormPage } from "../pages/looked-after/lac-leaving-care-forms.tsx";
import { IroPage } from "../pages/looked-after/iro-page.tsx";
import { MidpointFormPage, RaiseDisputePage } from "../pages/looked-after/iro-form-pages.tsx";
import { DisputePage } from "../pages/looked-after/iro-dispute-page.tsx";
import { QaPage } from "../pages/looked-after/iro-qa-page.tsx";
import { IroDashboardPage } from "../pages/iro/iro-dashboard-page.tsx";
import { LacReviewsPage } from "../pages/looked-after/lac-reviews-page.tsx";
import { AssignIroPage, ScheduleReviewPage } from "../pages/looked-after/lac-review-form-pages.tsx";
import { RecordReviewPage } from "../pages/looked-after/lac-review-record-page.tsx";
import { LacReviewPage, ReviewLetterPage } from "../pages/looked-after/lac-review-page.tsx";
import { ChronologyPage } from "../pages/chronology/chronology-page.tsx";
import { RecordSupervisionPage } from "../pages/supervision/record-supervision-page.tsx";
import { TeamSupervisionPage } from "../pages/supervision/team-supervision-page.tsx";
import { AddTaskPage } from "../pages/work/add-task-page.tsx";
import { AllocatePage } from "../pages/work/allocate-page.tsx";
import { WorkTrayPage } from "../pages/work/work-tray-page.tsx";
import { HomePage } from "../pages/home-page.tsx";
import { ContactPage } from "../pages/front-door/contact-page.tsx";
import { FrontDoorQueuePage } from "../pages/front-door/front-door-queue-page.tsx";
import { MyRequestsPage } from "../pages/front-door/my-requests-page.tsx";
import { RecordContactPage } from "../pages/front-door/record-contact-page.tsx";
import { RequestSupportPage } from "../pages/front-door/request-support-page.tsx";
import { NotFoundPage } from "../pages/not-found-page.tsx";
import { AddAddressPage } from "../pages/people/add-address-page.tsx";
import { ChangeAddressPage } from "../pages/people/change-address-page.tsx";
import { ChangeRelationshipPage } from "../pages/people/change-relationship-page.tsx";
import { ShareRecordPage } from "../pages/people/share-record-page.tsx";
import { AddRelationshipPage } from "../pages/people/add-relationship-page.tsx";
import { EndAddressPage } from "../pages/people/end-address-page.tsx";
import { EditPersonPage } from "../pages/people/edit-person-page.tsx";
import { FindPersonPage } from "../pages/people/find-person-page.tsx";
import { NewPersonPage } from "../pages/people/new-person-page.tsx";
import { PersonPage } from "../pages/people/person-page.tsx";
import { SignInPage } from "../pages/sign-in-page.tsx";
import { AuthProvider, can, useAuth } from "./auth-context.tsx";
import { usePageTitle } from "./page-title.ts";
import { Layout } from "./layout.tsx";
import { AssessmentPage } from "../pages/early-help/assessment-page.tsx";
import { AddActionPage, AddGoalPage, AddReviewPage, ClosurePage, DecisionPage } from "../pages/early-help/plan-form-pages.tsx";
import { StepUpPage } from "../pages/early-help/step-up-page.tsx";
import { ActionUpdatePage, LocalityPage, TafPage } from "../pages/early-help/team-form-pages.tsx";

/** Pages behind sign-in; an action, when given, hides the page from roles without it. */
function Private({ children, action }: { children: ReactNode; action?: string }) {
  const { session } = useAuth();
  const location = useLocation();
  if (session.state === "loading") return <p className="govuk-body">Loading…</p>;
  if (session.state === "signed-out") return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (action && !can(session.user, action)) return <Forbidden />;
  return <>{children}</>;
}

function Forbidden() {
  usePageTitle("You cannot use this page");
  return (
    <>
      <h1 className="govuk-heading-l">You cannot use this page</h1>
      <p className="govuk-body">Your role does not include this. Ask your administrator if you need it for your work.</p>
    </>
  );
}

function AppRoutes() {
  return (
    <Layout>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/" element={<Private><HomePage /></Private>} />
        <Route path="/people" element={<Private action="person:search"><FindPersonPage /></Private>} />
        <Route path="/people/new" element={<Private action="person:create"><NewPersonPage /></Private>} />
        <Route path="/people/:id" element={<Private action="person:read"><PersonPage /></Private>} />
        <Route path="/people/:id/edit" element={<Private action="person:update"><EditPersonPage /></Private>} />
        <Route path="/people/:id/addresses/new" element={<Private action="address:write"><AddAddressPage /></Private>} />
        <Route path="/people/:id/addresses/:addressId/end" element={<Private action="address:write"><EndAddressPage /></Private>} />
        <Route path="/people/:id/addresses/:addressId/change" element={<Private action="address:write"><ChangeAddressPage /></Private>} />
        <Route path="/people/:id/relationships/:relationshipId/change" element={<Private action="relationship:write"><ChangeRelationshipPage /></Private>} />
        <Route path="/people/:id/sharing/new" element={<Private action="sharing:write"><ShareRecordPage /></Private>} />
        <Route path="/people/:id/relationships/new" element={<Private action="relationship:write"><AddRelationshipPage /></Private>} />
        <Route path="/work" element={<Private action="task:update"><WorkTrayPage /></Private>} />
        <Route path="/tasks/new" element={<Private action="case:write"><AddTaskPage /></Private>} />
        <Route path="/cases/:id" element={<Private action="case:read"><CasePage /></Private>} />
        <Route path="/cases/:id/social-care/:step" element={<Private action="case:write"><SocialCareStepPage /></Private>} />
        <Route path="/cases/:id/early-help/assessment" element={<Private action="case:read"><AssessmentPage /></Private>} />
        <Route path="/cases/:id/early-help/taf" element={<Private action="case:write"><TafPage /></Private>} />
        <Route path="/cases/:id/early-help/locality" element={<Private action="case:write"><LocalityPage /></Private>} />
        <Route path="/cases/:id/early-help/goals/new" element={<Private action="case:write"><AddGoalPage /></Private>} />
        <Route path="/cases/:id/early-help/goals/:goalId/actions/new" element={<Private action="case:write"><AddActionPage /></Private>} />
        <Route path="/cases/:id/early-help/reviews/new" element={<Private action="case:write"><AddReviewPage /></Private>} />
        <Route path="/cases/:id/early-help/closure" element={<Private action="case:write"><ClosurePage /></Private>} />
        <Route path="/cases/:id/early-help/step-up" element={<Private action="case:authorise"><StepUpPage /></Private>} />
        <Route path="/cases/:id/early-help/decision/:what" element={<Private action="case:authorise"><DecisionPage /></Private>} />
        <Route path="/cases/:id/early-help/actions/:actionId" element={<Private action="task:update"><ActionUpdatePage /></Private>} />
        <Route path="/cases/:id/allocate" element={<Private action="case:allocate"><AllocatePage /></Private>} />
        <Route path="/cases/:id/notes/new" element={<Private action="case:write"><NewCaseNotePage /></Private>} />
        <Route path="/case-notes/:id" element={<Private action="note:read"><CaseNotePage /></Private>} />
        <Route path="/case-notes/:id/edit" element={<Private action="case:write"><EditCaseNotePage /></Private>} />
        <Route path="/people/:id/chronology" element={<Private action="note:read"><ChronologyPage /></Private>} />
        <Route path="/people/:id/looked-after" element={<Private action="lac:read"><LookedAfterPage /></Private>} />
        <Route path="/people/:id/looked-after/start" element={<Private action="lac:write"><StartCarePage /></Private>} />
        <Route path="/people/:id/looked-after/change" element={<Private action="lac:write"><ChangeCarePage /></Private>} />
        <Route path="/people/:id/looked-after/cease" element={<Private action="lac:write"><CeaseCarePage /></Private>} />
        <Route path="/people/:id/looked-after/episodes/:episodeId" element={<Private action="lac:write"><CorrectEpisodePage /></Private>} />
        <Route path="/people/:id/looked-after/missing/new" element={<Private action="lac:write"><NewMissingPage /></Private>} />
        <Route path="/people/:id/looked-after/missing/:missingId" element={<Private action="lac:write"><UpdateMissingPage /></Private>} />
        <Route path="/people/:id/looked-after/uasc" element={<Private action="lac:write"><UascPage /></Private>} />
        <Route path="/people/:id/looked-after/health" element={<Private action="lac:read"><LacHealthPage /></Private>} />
        <Route path="/people/:id/looked-after/health/checks/:checkId" element={<Private action="lac:write"><LacCheckFormPage /></Private>} />
        <Route path="/people/:id/looked-after/permanence" element={<Private action="lac:read"><LacPermanencePage /></Private>} />
        <Route path="/people/:id/looked-after/permanence/:form" element={<Private action="lac:write"><LacPermanenceFormPage /></Private>} />
        <Route path="/people/:id/looked-after/permanence/:form/:itemId" element={<Private action="lac:write"><LacPermanenceFormPage /></Private>} />
        <Route path="/people/:id/looked-after/leaving-care" element={<Private action="lac:read"><LacLeavingCarePage /></Private>} />
        <Route path="/people/:id/looked-after/leaving-care/oc3/:year" element={<Private action="lac:write"><LacOc3FormPage /></Private>} />
        <Route path="/people/:id/looked-after/leaving-care/pathway-plans/:planId" element={<Private action="lac:write"><LacPathwayPlanFormPage /></Private>} />
        <Route path="/people/:id/looked-after/reviews" element={<Private action="lac:read"><LacReviewsPage /></Private>} />
        <Route path="/people/:id/looked-after/reviews/schedule" element={<Private action="iro:write"><ScheduleReviewPage /></Private>} />
        <Route path="/people/:id/looked-after/reviews/assign-iro" element={<Private action="iro:write"><AssignIroPage /></Private>} />
        <Route path="/people/:id/looked-after/reviews/:reviewId" element={<Private action="lac:read"><LacReviewPage /></Private>} />
        <Route path="/people/:id/looked-after/reviews/:reviewId/record" element={<Private action="iro:write"><RecordReviewPage /></Private>} />
        <Route path="/people/:id/looked-after/reviews/:reviewId/letter" element={<Private action="iro:write"><ReviewLetterPage /></Private>} />
        <Route path="/people/:id/looked-after/iro" element={<Private action="lac:read"><IroPage /></Private>} />
        <Route path="/people/:id/looked-after/iro/midpoints/new" element={<Private action="iro:write"><MidpointFormPage /></Private>} />
        <Route path="/people/:id/looked-after/iro/disputes/new" element={<Private action="iro:write"><RaiseDisputePage /></Private>} />
        <Route path="/people/:id/looked-after/iro/disputes/:disputeId" element={<Private action="lac:read"><DisputePage /></Private>} />
        <Route path="/people/:id/looked-after/iro/qa/:reviewId" element={<Private action="lac:read"><QaPage /></Private>} />
        <Route path="/iro" element={<Private action="iro:read"><IroDashboardPage /></Private>} />
        <Route path="/supervision" element={<Private action="supervision:write"><TeamSupervisionPage /></Private>} />
        <Route path="/supervision/new" element={<Private action="supervision:write"><RecordSupervisionPage /></Private>} />
        <Route path="/admin/local-standards" element={<Private action="settings:write"><LocalStandardsPage /></Private>} />
        <Route path="/front-door" element={<Private action="contact:read"><FrontDoorQueuePage /></Private>} />
        <Route path="/front-door/contacts/new" element={<Private action="contact:create"><RecordContactPage /></Private>} />
        <Route path="/front-door/contacts/:id" element={<Private action="contact:read"><ContactPage /></Private>} />
        <Route path="/requests" element={<Private action="request:submit"><MyRequestsPage /></Private>} />
        <Route path="/requests/new" element={<Private action="request:submit"><RequestSupportPage /></Private>} />
        <Route path="/admin" element={<Private action="admin:read"><AdminHomePage /></Private>} />
        <Route path="/admin/organisations" element={<Private action="admin:read"><OrganisationListPage /></Private>} />
        <Route path="/admin/organisations/new" element={<Private action="admin:write"><OrganisationFormPage /></Private>} />
        <Route path="/admin/organisations/:id" element={<Private action="admin:write"><OrganisationFormPage /></Private>} />
        <Route path="/admin/teams" element={<Private action="admin:read"><TeamListPage /></Private>} />
        <Route path="/admin/teams/new" element={<Private action="admin:write"><TeamFormPage /></Private>} />
        <Route path="/admin/teams/:id" element={<Private action="admin:write"><TeamFormPage /></Private>} />
        <Route path="/admin/users" element={<Private action="admin:read"><UserListPage /></Private>} />
        <Route path="/admin/users/new" element={<Private action="admin:write"><UserFormPage /></Private>} />
        <Route path="/admin/users/:id" element={<Private action="admin:write"><UserFormPage /></Private>} />
        <Route path="/admin/shared-services" element={<Private action="admin:read"><SharedServicesPage /></Private>} />
        <Route path="/admin/imports" element={<Private action="import:run"><ImportsPage /></Private>} />
        <Route path="/admin/imports/:id" element={<Private action="import:run"><ImportJobPage /></Private>} />
        <Route path="/reports" element={<Private action="report:read"><ReportsHomePage /></Private>} />
        <Route path="/outcomes" element={<Private action="measure:read"><DashboardPage key="leaders" board="leaders" /></Private>} />
        <Route path="/outcomes/early-help" element={<Private action="measure:read"><DashboardPage key="early-help" board="early-help" /></Private>} />
        <Route path="/outcomes/team" element={<Private action="measure:read"><DashboardPage key="team" board="team" /></Private>} />
        <Route path="/outcomes/measures" element={<Private action="measure:read"><MeasureCataloguePage /></Private>} />
        <Route path="/outcomes/measures/:id" element={<Private action="measure:read"><MeasureDetailPage /></Private>} />
        <Route path="/outcomes/measures/:id/children" element={<Private action="measure:read"><MeasureChildrenPage /></Private>} />
        <Route path="/outcomes/figures" element={<Private action="measure:write"><FigureEntryPage /></Private>} />
        <Route path="/outcomes/figures/new" element={<Private action="measure:write"><FigureEntryPage /></Private>} />
        <Route path="/outcomes/figures/import" element={<Private action="measure:write"><FigureImportPage /></Private>} />
        <Route path="/outcomes/figures/import/:id" element={<Private action="measure:write"><FigureImportJobPage /></Private>} />
        <Route path="/returns" element={<Private action="return:prepare"><ReturnsHomePage /></Private>} />
        <Route path="/returns/prepare" element={<Private action="return:prepare"><PrepareReturnPage /></Private>} />
        <Route path="/returns/check" element={<Private action="return:prepare"><CheckFilePage /></Private>} />
        <Route path="/governance" element={<Private action="governance:read"><GovernanceHomePage /></Private>} />
        <Route path="/governance/strategies/:id" element={<Private action="governance:read"><StrategyPage /></Private>} />
        <Route path="/governance/strategies/:id/report" element={<Private action="governance:read"><WhatWeSaidPage /></Private>} />
        <Route path="/governance/actions/:id" element={<Private action="governance:read"><GovActionPage /></Private>} />
        <Route path="/governance/committees/:id" element={<Private action="governance:read"><CommitteePage /></Private>} />
        <Route path="/governance/strategies/new" element={<Private action="governance:write"><AddStrategyPage /></Private>} />
        <Route path="/governance/strategies/:id/priorities/new" element={<Private action="governance:write"><AddPriorityPage /></Private>} />
        <Route path="/governance/strategies/:id/priorities/:priorityId/edit" element={<Private action="governance:write"><EditPriorityPage /></Private>} />
        <Route path="/governance/strategies/:id/priorities/:priorityId/actions/new" element={<Private action="governance:write"><AddGovActionPage /></Private>} />
        <Route path="/governance/actions/:id/edit" element={<Private action="governance:write"><EditGovActionPage /></Private>} />
        <Route path="/governance/committees/:id/meetings/new" element={<Private action="governance:write"><AddMeetingPage /></Private>} />
        <Route path="/governance/committees/:id/work-items/new" element={<Private action="governance:write"><AddWorkItemPage /></Private>} />
        <Route path="/governance/committees/:id/work-items/:itemId/move" element={<Private action="governance:write"><MoveWorkItemPage /></Private>} />
        <Route path="/governance/committees/:id/actions/new" element={<Private action="governance:write"><AddCommitteeActionPage /></Private>} />
        <Route path="/governance/committees/:id/actions/:actionId/update" element={<Private action="governance:write"><UpdateCommitteeActionPage /></Private>} />
        <Route path="/governance/committees/:id/recommendations/new" element={<Private action="governance:write"><AddRecommendationPage /></Private>} />
        <Route path="/governance/committees/:id/recommendations/:recommendationId/response" element={<Private action="governance:write"><RecordResponsePage /></Private>} />
        <Route path="/reports/iro-annual" element={<Private action="report:read"><ReportPage kind="iro-annual" /></Private>} />
        <Route path="/reports/placement-stability" element={<Private action="report:read"><ReportPage kind="placement-stability" /></Private>} />
        <Route path="/reports/looked-after-timeliness" element={<Private action="report:read"><ReportPage kind="looked-after-timeliness" /></Private>} />
        <Route path="/audit" element={<Private action="audit:read"><AuditSearchPage /></Private>} />
        <Route path="/audit/people" element={<Private action="audit:read"><PersonAccessLookupPage /></Private>} />
        <Route path="/audit/people/:id" element={<Private action="audit:read"><PersonAccessHistoryPage /></Private>} />
        <Route path="/audit/verify" element={<Private action="audit:verify"><AuditVerifyPage /></Private>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}

/** The staff web app. */
export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  );
}
