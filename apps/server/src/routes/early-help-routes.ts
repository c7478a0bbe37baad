import {
  earlyHelpEpisodeSchema,
  ehAssessmentContentSchema,
  ehAssessmentViewSchema,
  ehClosureCreateSchema,
  ehDecisionSchema,
  ehGoalCreateSchema,
  ehLocalitySchema,
  ehMemberAddSchema,
  ehReviewCreateSchema,
  ehStepUpResultSchema,
  ehStepUpSchema,
  leadProfessionalSchema,
  tafActionCreateSchema,
  tafActionUpdateSchema,
  tafActionViewSchema,
  tafCandidateSchema,
  tafMemberCreateSchema,
  uuid,
} from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const caseParams = z.strictObject({ id: uuid });
const tag = "Early help";
const versioned = { 412: "Someone else changed it since you opened it", 428: "If-Match missing" };
const changeErrors = { 404: "No such early help episode, or not one you may open", 409: "Not allowed in the episode's current state (closed, awaiting authorisation…)", 422: "The change breaks a rule; the fields at fault are named" };

/** The whole-family assessment, Team Around the Family, family plan, reviews, closure and step up. */
export const earlyHelpRoutes = [
  defineRoute({
    method: "GET", path: "/api/v1/cases/:id/early-help", tag, auth: "session", permission: "case:read",
    summary: "An early help episode: assessment, Team Around the Family, family plan, reviews and closure (audited)",
    params: caseParams, response: earlyHelpEpisodeSchema, errors: { 404: changeErrors[404] },
    handler: ({ data, params }) => data.earlyHelp.episode(params.id),
  }),
  defineRoute({
    method: "PUT", path: "/api/v1/cases/:id/early-help/locality", tag, auth: "session", permission: "case:write",
    summary: "Place the episode in a family hub or locality (send the case's If-Match)",
    params: caseParams, body: ehLocalitySchema, response: earlyHelpEpisodeSchema, errors: { ...changeErrors, ...versioned },
    handler: ({ data, params, body, headers }) => data.earlyHelp.setLocality(params.id, parseIfMatch(headers["if-match"]), body.localityId),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/members", tag, auth: "session", permission: "case:write", status: 201,
    summary: "Add a family member (parent, carer, sibling) to the episode, to be assessed with the family",
    params: caseParams, body: ehMemberAddSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => new Respond(201, await data.earlyHelp.addMember(params.id, body)),
  }),
  defineRoute({
    method: "GET", path: "/api/v1/cases/:id/early-help/assessment", tag, auth: "session", permission: "case:read",
    summary: "The whole-family assessment with what is already known about the family, to check rather than retell (audited)",
    params: caseParams, response: ehAssessmentViewSchema, errors: { 404: changeErrors[404] },
    handler: async ({ data, params }) => {
      const view = await data.earlyHelp.assessment.get(params.id);
      return new Respond(200, view, { etag: etag(view.assessment?.version ?? 0) });
    },
  }),
  defineRoute({
    method: "PUT", path: "/api/v1/cases/:id/early-help/assessment", tag, auth: "session", permission: "case:write",
    summary: "Save the whole-family assessment (If-Match: W/\"0\" to start it)",
    params: caseParams, body: ehAssessmentContentSchema, response: ehAssessmentViewSchema, errors: { ...changeErrors, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const view = await data.earlyHelp.assessment.save(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, view, { etag: etag(view.assessment?.version ?? 0) });
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/assessment/submit", tag, auth: "session", permission: "case:write",
    summary: "Send the assessment to the team manager for authorisation (send If-Match)",
    params: caseParams, response: ehAssessmentViewSchema, errors: { ...changeErrors, ...versioned },
    handler: ({ data, params, headers }) => data.earlyHelp.assessment.submit(params.id, parseIfMatch(headers["if-match"])),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/assessment/decision", tag, auth: "session", permission: "case:authorise",
    summary: "Team manager: authorise the assessment or return it with a note (send If-Match)",
    params: caseParams, body: ehDecisionSchema, response: ehAssessmentViewSchema, errors: { ...changeErrors, ...versioned },
    handler: ({ data, params, body, headers }) => data.earlyHelp.assessment.decide(params.id, parseIfMatch(headers["if-match"]), body),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/taf-members", tag, auth: "session", permission: "case:write", status: 201,
    summary: "Add a Team Around the Family member: a user of any organisation, or someone outside the system",
    params: caseParams, body: tafMemberCreateSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => {
      await data.earlyHelp.taf.add(params.id, body);
      return new Respond(201, await data.earlyHelp.episode(params.id));
    },
  }),
  defineRoute({
    method: "DELETE", path: "/api/v1/cases/:id/early-help/taf-members/:memberId", tag, auth: "session", permission: "case:write",
    summary: "Remove a Team Around the Family member (not the lead professional, nor someone with open actions; send the case's If-Match)",
    params: z.strictObject({ id: uuid, memberId: uuid }), response: earlyHelpEpisodeSchema, errors: { ...changeErrors, ...versioned },
    handler: async ({ data, params, headers }) => {
      await data.earlyHelp.taf.remove(params.id, params.memberId, parseIfMatch(headers["if-match"]));
      return data.earlyHelp.episode(params.id);
    },
  }),
  defineRoute({
    method: "PUT", path: "/api/v1/cases/:id/early-help/lead-professional", tag, auth: "session", permission: "case:write",
    summary: "Name the lead professional (any member, a partner included; send the case's If-Match)",
    params: caseParams, body: leadProfessionalSchema, response: earlyHelpEpisodeSchema, errors: { ...changeErrors, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      await data.earlyHelp.taf.setLead(params.id, body.memberId, parseIfMatch(headers["if-match"]));
      return data.earlyHelp.episode(params.id);
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/goals", tag, auth: "session", permission: "case:write", status: 201,
    summary: "Add a family plan goal under one of the ten Supporting Families outcomes",
    params: caseParams, body: ehGoalCreateSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => {
      await data.earlyHelp.plan.addGoal(params.id, body);
      return new Respond(201, await data.earlyHelp.episode(params.id));
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/goals/:goalId/actions", tag, auth: "session", permission: "case:write", status: 201,
    summary: "Add an action to a goal, owned by a Team Around the Family member (it goes to their work tray)",
    params: z.strictObject({ id: uuid, goalId: uuid }), body: tafActionCreateSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => {
      await data.earlyHelp.actions.add(params.id, params.goalId, body);
      return new Respond(201, await data.earlyHelp.episode(params.id));
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/plan/submit", tag, auth: "session", permission: "case:write",
    summary: "Send the family plan to the team manager for authorisation (send the plan's If-Match)",
    params: caseParams, response: earlyHelpEpisodeSchema, errors: { ...changeErrors, ...versioned },
    handler: async ({ data, params, headers }) => {
      await data.earlyHelp.plan.submit(params.id, parseIfMatch(headers["if-match"]));
      return data.earlyHelp.episode(params.id);
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/plan/decision", tag, auth: "session", permission: "case:authorise",
    summary: "Team manager: authorise the family plan (the first review falls due) or return it (send If-Match)",
    params: caseParams, body: ehDecisionSchema, response: earlyHelpEpisodeSchema, errors: { ...changeErrors, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      await data.earlyHelp.plan.decide(params.id, parseIfMatch(headers["if-match"]), body);
      return data.earlyHelp.episode(params.id);
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/reviews", tag, auth: "session", permission: "case:write", status: 201,
    summary: "Record a family plan review; the next review falls due by the authority's review interval",
    params: caseParams, body: ehReviewCreateSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => {
      await data.earlyHelp.plan.addReview(params.id, body);
      return new Respond(201, await data.earlyHelp.episode(params.id));
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/closure", tag, auth: "session", permission: "case:write", status: 201,
    summary: "Ask to close the episode with a reason and each goal met or not met (a manager authorises)",
    params: caseParams, body: ehClosureCreateSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => {
      await data.earlyHelp.closure.request(params.id, body);
      return new Respond(201, await data.earlyHelp.episode(params.id));
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/closure/decision", tag, auth: "session", permission: "case:authorise",
    summary: "Team manager: authorise the closure (the case closes) or return it",
    params: caseParams, body: ehDecisionSchema, response: earlyHelpEpisodeSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => {
      await data.earlyHelp.closure.decide(params.id, body);
      return data.earlyHelp.episode(params.id);
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/cases/:id/early-help/step-up", tag, auth: "session", permission: "case:authorise", status: 201,
    summary: "Team manager: step the family up to children's social care (a case per child, linked to this one, which closes)",
    params: caseParams, body: ehStepUpSchema, response: ehStepUpResultSchema, errors: changeErrors,
    handler: async ({ data, params, body }) => new Respond(201, await data.earlyHelp.closure.stepUp(params.id, body)),
  }),
  defineRoute({
    method: "GET", path: "/api/v1/early-help/taf-candidates", tag, auth: "session", permission: "case:write",
    summary: "Users who can join a Team Around the Family: practitioners and partners of any organisation in your authority",
    response: z.array(tafCandidateSchema),
    handler: ({ data }) => data.earlyHelp.taf.candidates(),
  }),
  defineRoute({
    method: "GET", path: "/api/v1/early-help/actions/:id", tag, auth: "session", permission: "case:read",
    summary: "A family plan action, for its owner (partners included) to update from their own sign-in",
    params: caseParams, response: tafActionViewSchema, errors: { 404: "No such action, or not one you may open" },
    handler: async ({ data, params }) => {
      const view = await data.earlyHelp.actions.get(params.id);
      return new Respond(200, view, { etag: etag(view.version) });
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/early-help/actions/:id/updates", tag, auth: "session", permission: "task:update", status: 201,
    summary: "Record progress on an action; partners update only the actions they own (send If-Match)",
    params: caseParams, body: tafActionUpdateSchema, response: tafActionViewSchema,
    errors: { 403: "Not your action", 404: "No such action", 409: "The case is closed", ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const view = await data.earlyHelp.actions.update(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(201, view, { etag: etag(view.version) });
    },
  }),
];
