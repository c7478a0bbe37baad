import { isRepeatReferral } from "@family-story/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface RepeatReferral {
  repeatReferral: boolean;
  /** The child's latest referral before this contact, if any (the one that makes it a repeat when within 12 months). */
  previousReferralDate: string | null;
}

/**
 * Whether a contact received on `receivedOn` about a child would be a repeat referral: a
 * previous children's social care referral of that child (cin_referral) within 12 months.
 * A referral opened from this same contact does not count.
 */
export async function repeatReferralFor(db: Db, laCode: string, personId: string, receivedOn: string, contactId: string): Promise<RepeatReferral> {
  const rows = await db
    .selectFrom("cin_referral")
    .select("referral_date")
    .where("la_code", "=", laCode)
    .where("person_id", "=", personId)
    .where("referral_date", "<", receivedOn)
    .where((eb) => eb.or([eb("contact_id", "is", null), eb("contact_id", "<>", contactId)]))
    .orderBy("referral_date", "desc")
    .execute();
  const dates = rows.map((r) => r.referral_date);
  return { repeatReferral: isRepeatReferral(receivedOn, dates), previousReferralDate: dates[0] ?? null };
}
