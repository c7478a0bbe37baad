import type { Caseload, Dispute, DisputeAction, DisputeCreate, Midpoint, MidpointCreate, MidpointOverview, Qa, QaPut, QaSummary, ReviewQa } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { loadCaseload } from "./iro-caseload.ts";
import type { IroContext } from "./iro-context.ts";
import { actOnDispute, createDispute, getDispute, listDisputes } from "./iro-disputes.ts";
import { listMidpoints, recordMidpoint } from "./iro-midpoints.ts";
import { getQa, listChildQa, putQa, qaSummary } from "./iro-qa.ts";

/**
 * The independent reviewing officer's own records: mid-point monitoring, dispute resolution,
 * quality assurance after each review and the IRO's caseload. Every read and write is scoped
 * through the people rule (lac-scope.ts: out of scope is 404) and audited.
 */
export class IroRepository {
  private readonly ctx: IroContext;

  constructor(db: Kysely<Database>, actor: Actor, audit: AuditLog) {
    this.ctx = { db, actor, audit };
  }

  midpoints(personId: string): Promise<MidpointOverview> {
    return listMidpoints(this.ctx, personId);
  }
  recordMidpoint(personId: string, input: MidpointCreate): Promise<Midpoint> {
    return recordMidpoint(this.ctx, personId, input);
  }
  disputes(personId: string): Promise<Dispute[]> {
    return listDisputes(this.ctx, personId);
  }
  raiseDispute(personId: string, input: DisputeCreate): Promise<Dispute> {
    return createDispute(this.ctx, personId, input);
  }
  dispute(id: string): Promise<Dispute> {
    return getDispute(this.ctx, id);
  }
  actOnDispute(id: string, version: number, input: DisputeAction): Promise<Dispute> {
    return actOnDispute(this.ctx, id, version, input);
  }
  qa(reviewId: string): Promise<Qa> {
    return getQa(this.ctx, reviewId);
  }
  putQa(reviewId: string, ifMatch: number | null, input: QaPut): Promise<{ qa: Qa; created: boolean }> {
    return putQa(this.ctx, reviewId, ifMatch, input);
  }
  childQa(personId: string): Promise<ReviewQa[]> {
    return listChildQa(this.ctx, personId);
  }
  qaSummary(range: { from?: string | undefined; to?: string | undefined }): Promise<QaSummary> {
    return qaSummary(this.ctx, range);
  }
  caseload(iroId: string | undefined): Promise<Caseload> {
    return loadCaseload(this.ctx, iroId);
  }
}
