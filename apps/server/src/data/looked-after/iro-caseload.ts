import { todayIso } from "@family-story/domain";
import type { Caseload, NamedRef } from "@family-story/schemas";
import { sql } from "kysely";
import { forbidden, notFound } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { presentCaseloadChild, presentCaseloadDispute } from "../../presenters/iro-presenter.ts";
import { actorForAudit } from "../audit-actor.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import { visiblePeople } from "../person-scope.ts";
import type { IroContext } from "./iro-context.ts";
import { loadSchedules } from "./iro-schedule.ts";

/** Managers and analysts oversee IROs' caseloads; an IRO sees their own. */
function overseesIros(ctx: IroContext): boolean {
  return roleCan(ctx.actor.role, "iro:read") && !roleCan(ctx.actor.role, "iro:write");
}

/** The IRO whose caseload is asked for: the actor, or (for those who oversee) one in their scope. */
async function targetIro(ctx: IroContext, iroId: string | undefined): Promise<NamedRef> {
  if (iroId === undefined || iroId === ctx.actor.userId) return { id: ctx.actor.userId, name: ctx.actor.displayName };
  if (!overseesIros(ctx)) throw forbidden("You can see your own caseload only.");
  const user = await ctx.db.selectFrom("app_user").select(["id", "display_name"]).where("la_code", "in", ctx.actor.scopeLaCodes).where("id", "=", iroId).executeTakeFirst();
  if (!user) throw notFound("IRO");
  return { id: user.id, name: user.display_name };
}

/**
 * An IRO's caseload: the children looked after now whose IRO they are (lac_child.iro_id), each
 * with their placement, next review due, mid-point and open disputes, and the open disputes
 * themselves. Children the actor may not see by the people rule never appear. Audited as one
 * event with its count, as a work tray is.
 */
export async function loadCaseload(ctx: IroContext, iroId: string | undefined): Promise<Caseload> {
  const iro = await targetIro(ctx, iroId);
  const children = await ctx.db
    .selectFrom("lac_child")
    .innerJoin("person", (j) => j.onRef("person.la_code", "=", "lac_child.la_code").onRef("person.id", "=", "lac_child.person_id"))
    .select(["lac_child.la_code", "lac_child.person_id", "lac_child.case_id", "person.given_name", "person.family_name", "person.preferred_name", "person.dob"])
    .where("lac_child.la_code", "in", ctx.actor.scopeLaCodes)
    .where("lac_child.iro_id", "=", iro.id)
    .where(visiblePeople(ctx.actor))
    .execute();
  const ids = children.map((c) => c.person_id);
  const laCodes = [...new Set(children.map((c) => c.la_code))];
  const [schedules, checks, disputes, iros] = await Promise.all([
    loadSchedules(ctx.db, laCodes, ids),
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db.selectFrom("iro_midpoint").select(["person_id", sql<string>`max(check_date)::text`.as("last")]).where("la_code", "in", laCodes).where("person_id", "=", anyUuid(ids)).groupBy("person_id").execute(),
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db.selectFrom("iro_dispute").select(["id", "person_id", "theme", "stage", "raised_on"]).where("la_code", "in", laCodes).where("person_id", "=", anyUuid(ids)).where("status", "=", "open").orderBy("raised_on").execute(),
    overseesIros(ctx)
      ? ctx.db.selectFrom("app_user").select(["id", "display_name as name"]).where("la_code", "in", ctx.actor.scopeLaCodes).where("role", "=", "iro").where("active", "=", true).orderBy("display_name").execute()
      : Promise.resolve([]),
  ]);
  const lastCheck = new Map(checks.map((c) => [c.person_id, c.last]));
  const names = new Map(children.map((c) => [c.person_id, `${c.preferred_name ?? c.given_name} ${c.family_name}`]));
  const today = todayIso();
  const rows = children.flatMap((c) => {
    const schedule = schedules.get(c.person_id);
    if (!schedule?.lookedAfter) return [];
    const open = disputes.filter((d) => d.person_id === c.person_id).length;
    return [presentCaseloadChild({ personId: c.person_id, name: names.get(c.person_id) ?? "Unknown", dob: c.dob, caseId: c.case_id }, schedule, lastCheck.get(c.person_id) ?? null, open, today)];
  });
  rows.sort((a, b) => (a.nextReviewDue ?? "9999").localeCompare(b.nextReviewDue ?? "9999") || a.person.name.localeCompare(b.person.name));
  const shown = new Set(rows.map((r) => r.person.id));
  const openDisputes = disputes.filter((d) => shown.has(d.person_id)).map((d) => presentCaseloadDispute(d, names.get(d.person_id) ?? "Unknown"));
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: ctx.actor.laCode, action: "iro.caseload.read", entity: "user", entityId: iro.id, details: { children: rows.length, openDisputes: openDisputes.length } }]);
  return { iro, iros: iros.map((u) => ({ id: u.id, name: u.name })), children: rows, openDisputes };
}
