import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, hashEvent, type ChainedFields } from "./audit-chain.ts";

const base: ChainedFields = {
  la_code: "E09000033",
  seq: 1,
  id: "00000000-0000-4000-8000-000000000001",
  occurred_at: "2026-11-22T10:00:00.000Z",
  request_id: "req-1",
  actor_user_id: null,
  actor_username: "sw.wcc",
  actor_name: "Sam",
  actor_role: "practitioner",
  actor_organisation_id: null,
  actor_organisation_name: "WCC",
  actor_la_code: "E09000033",
  action: "person.read",
  outcome: "allowed",
  person_id: null,
  entity: "person",
  entity_id: null,
  reason: null,
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
  prev_hash: GENESIS_HASH,
};

describe("canonicalJson", () => {
  it("sorts keys at every depth so storage order cannot change a hash", () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: [3, { z: 1, y: 2 }] } })).toBe('{"a":{"c":[3,{"y":2,"z":1}],"d":1},"b":1}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe("hashEvent", () => {
  it("is stable for the same content whatever the key order", () => {
    const reordered = { ...base, details: { a: [2, { c: 4, d: 3 }], b: 1 } };
    expect(hashEvent(reordered)).toBe(hashEvent(base));
    expect(hashEvent(base)).toMatch(/^[0-9a-f]{64}$/);
  });
  it("changes when any field or the previous hash changes", () => {
    const h = hashEvent(base);
    expect(hashEvent({ ...base, action: "person.update" })).not.toBe(h);
    expect(hashEvent({ ...base, prev_hash: "1".repeat(64) })).not.toBe(h);
    expect(hashEvent({ ...base, details: { b: 2, a: [2, { d: 3, c: 4 }] } })).not.toBe(h);
  });
});
