import type { EarlyHelpEpisode } from "@family-story/schemas";
import type { CaseRow } from "../../db/database-types.ts";
import { presentAction, presentAssessment, presentClosure, presentGoal, presentReview, presentTafMember } from "../../presenters/early-help-presenter.ts";
import { roleCan } from "../../policy/policy.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { ownedBy } from "./action-repository.ts";
import type { EhContext } from "./early-help-context.ts";
import { namesOrHidden, visibleAssessment, visibleMembers } from "./visible-members.ts";

/** User ids (of those given) who are partners: their TAF membership is shown as such. */
async function partnerIds(ctx: EhContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.selectFrom("app_user").select("id").where("id", "in", ids).where("role", "=", "partner_practitioner").execute();
  return new Set(rows.map((r) => r.id));
}

/** Everything of an episode, presented for the actor (who may update which action). */
export async function loadEpisode(ctx: EhContext, c: CaseRow): Promise<EarlyHelpEpisode> {
  const la = c.la_code;
  const [assessment, taf, plan, goals, actions, reviews, closure, reviewItem, localities] = await Promise.all([
    ctx.db.selectFrom("eh_assessment").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).executeTakeFirst(),
    ctx.db.selectFrom("eh_taf_member").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).orderBy("added_at").execute(),
    ctx.db.selectFrom("eh_plan").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).executeTakeFirst(),
    ctx.db.selectFrom("eh_goal").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).orderBy("created_at").execute(),
    ctx.db.selectFrom("eh_action").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).orderBy("created_at").execute(),
    ctx.db.selectFrom("eh_review").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).orderBy("review_date", "desc").orderBy("recorded_at", "desc").execute(),
    ctx.db.selectFrom("eh_closure").selectAll().where("la_code", "=", la).where("case_id", "=", c.id).orderBy("requested_at", "desc").executeTakeFirst(),
    ctx.db.selectFrom("work_item").select("due_date").where("la_code", "=", la).where("kind", "=", "eh_review_due").where("case_id", "=", c.id).where("status", "=", "open").executeTakeFirst(),
    ctx.db.selectFrom("locality").select(["id", "name"]).where("la_code", "=", la).orderBy("name").execute(),
  ]);
  const updates = actions.length === 0 ? [] : await ctx.db.selectFrom("eh_action_update").selectAll().where("la_code", "=", la).where("action_id", "in", actions.map((a) => a.id)).orderBy("recorded_at", "desc").execute();
  const users = await loadUserNames(ctx.db, [
    assessment?.submitted_by ?? null, assessment?.authorised_by ?? null, plan?.authorised_by ?? null,
    ...updates.map((u) => u.recorded_by), ...reviews.map((r) => r.recorded_by),
    closure?.requested_by ?? null, closure?.decided_by ?? null,
  ]);
  // The people rule applies inside a visible episode too: goals and assessment parts about
  // people the actor may not open are shown without name or date of birth, or omitted.
  const visible = await visibleMembers(ctx, la, [...goals.map((g) => g.person_id), ...(assessment?.content.members.map((m) => m.personId) ?? [])]);
  const people = namesOrHidden(goals.map((g) => g.person_id), visible);
  const partners = await partnerIds(ctx, taf.flatMap((m) => (m.user_id === null ? [] : [m.user_id])));
  const members = new Map(taf.map((m) => [m.id, m]));
  const staff = roleCan(ctx.actor.role, "case:write") && c.status === "open";
  const presentedActions = actions.map((a) => {
    const owner = members.get(a.owner_member_id);
    const mine = ownedBy(owner, ctx.actor.userId);
    return presentAction(a, owner, updates.filter((u) => u.action_id === a.id), users, c.status === "open" && (staff || mine));
  });
  const locality = localities.find((l) => l.id === c.locality_id);
  return {
    caseId: c.id,
    title: c.title,
    status: c.status === "closed" ? "closed" : "open",
    locality: locality ? { id: locality.id, name: locality.name } : null,
    localities: localities.map((l) => ({ id: l.id, name: l.name })),
    assessment: assessment ? presentAssessment(visibleAssessment(assessment, visible), users) : null,
    taf: taf.filter((m) => m.removed_at === null).map((m) => presentTafMember(m, partners)),
    plan: {
      status: plan?.status === "awaiting_authorisation" || plan?.status === "authorised" ? plan.status : "draft",
      authorisedBy: plan?.authorised_by ? (users.get(plan.authorised_by) ?? "Unknown") : null,
      authorisedAt: plan?.authorised_at ? plan.authorised_at.toISOString() : null,
      decisionNote: plan?.decision_note ?? null,
      version: plan?.version ?? 0,
      goals: goals.map((g) => presentGoal(g, people, presentedActions.filter((a) => a.goalId === g.id))),
    },
    reviews: reviews.map((r) => presentReview(r, users)),
    nextReviewDue: reviewItem?.due_date ?? null,
    closure: closure ? presentClosure(closure, users) : null,
    caseVersion: c.version,
  };
}
