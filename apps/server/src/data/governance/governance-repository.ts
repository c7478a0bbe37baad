import type { GovAuthority } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { CommitteeRepository } from "./committee-repository.ts";
import { CommitteeTrackerRepository } from "./committee-tracker-repository.ts";
import { GovActionRepository } from "./gov-action-repository.ts";
import { authorityNames, type GovContext } from "./governance-context.ts";
import { StrategyRepository } from "./strategy-repository.ts";

/**
 * Strategy and scrutiny for one actor: strategies, their actions, committees and their
 * trackers. Records belong to an authority and are reached only by those who work it.
 */
export class GovernanceRepository {
  readonly strategies: StrategyRepository;
  readonly actions: GovActionRepository;
  readonly committees: CommitteeRepository;
  readonly trackers: CommitteeTrackerRepository;
  private readonly ctx: GovContext;

  constructor(db: Kysely<Database>, actor: Actor, audit: AuditLog) {
    const ctx = { db, actor, audit };
    this.ctx = ctx;
    this.strategies = new StrategyRepository(ctx);
    this.actions = new GovActionRepository(ctx);
    this.committees = new CommitteeRepository(ctx);
    this.trackers = new CommitteeTrackerRepository(ctx);
  }

  /** The authorities the actor works, by name: where they may record a strategy or committee. */
  async authorities(): Promise<GovAuthority[]> {
    const names = await authorityNames(this.ctx);
    return [...names].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  }
}
