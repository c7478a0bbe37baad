/**
 * How well person search finds the other records of the same person, on the labelled
 * development sets in shared/linkage (Splink's fake_1000, FEBRL 3). Each record is loaded
 * into a fresh in-memory PGlite tenant; then each record's name and date of birth (as
 * "about that date", ~YYYY-MM-DD) is searched, and every other record returned with a score
 * at or above a threshold counts as a predicted pair. Pairwise precision, recall and F1
 * against the truth, at a few thresholds. A measurement, not a test; nothing is tuned here.
 *
 *   npx tsx bench/linkage-eval.ts [--dir ../shared/linkage]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { TEST_PASSWORD, buildPerson, buildTenant, buildUser } from "../apps/server/test/factories.ts";
import { createTestService, signIn } from "../apps/server/test/harness.ts";
import { option } from "./bench-database.ts";

interface Rec { id: string; given: string; family: string; dob: string | null; cluster: string }

const dir = option("dir", path.resolve(import.meta.dirname, "../../shared/linkage"));

function rows(file: string): string[][] {
  return readFileSync(path.join(dir, file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map((c) => c.trim()));
}

function isoDob(raw: string): string | null {
  const compact = raw.replace(/-/g, "");
  if (!/^\d{8}$/.test(compact)) return null;
  const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

const datasets: Record<string, () => Rec[]> = {
  fake_1000: () => rows("fake_1000.csv").map((c) => ({ id: c[0] ?? "", given: c[1] ?? "", family: c[2] ?? "", dob: isoDob(c[3] ?? ""), cluster: c[6] ?? "" })),
  febrl3: () => rows("febrl3.csv").map((c) => ({ id: c[0] ?? "", given: c[1] ?? "", family: c[2] ?? "", dob: isoDob(c[9] ?? ""), cluster: (c[0] ?? "").split("-")[1] ?? "" })),
};

const THRESHOLDS = [0.9, 1.0, 1.1, 1.2];
const svc = await createTestService("pglite");
try {
  for (const [name, load] of Object.entries(datasets)) {
    const recs = load().filter((r) => r.given !== "" || r.family !== "");
    const tenant = await buildTenant(svc.services, name);
    const user = await buildUser(svc.services.db, tenant, "practitioner");
    const byPerson = new Map<string, Rec>();
    for (const r of recs) {
      const personId = await buildPerson(svc.services.db, tenant, { givenName: r.given || "-", familyName: r.family || "-", dob: r.dob });
      byPerson.set(personId, r);
    }
    const client = await signIn(svc.app, user.username, TEST_PASSWORD);
    const truth = new Set<string>();
    const byCluster = new Map<string, Rec[]>();
    for (const r of recs) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
    for (const members of byCluster.values()) for (const a of members) for (const b of members) if (a.id < b.id) truth.add(`${a.id}|${b.id}`);
    const predicted = new Map<number, Set<string>>(THRESHOLDS.map((t) => [t, new Set<string>()]));
    const started = performance.now();
    for (const r of recs) {
      const params = new URLSearchParams({ q: `${r.given} ${r.family}`.trim(), limit: "20", ...(r.dob ? { dob: `~${r.dob}` } : {}) });
      const res = await client.get(`/api/v1/people?${params.toString()}`);
      if (res.statusCode !== 200) continue;
      for (const hit of res.json<{ results: { id: string; score: number }[] }>().results) {
        const other = byPerson.get(hit.id);
        if (!other || other.id === r.id) continue;
        const pair = r.id < other.id ? `${r.id}|${other.id}` : `${other.id}|${r.id}`;
        for (const t of THRESHOLDS) if (hit.score >= t) predicted.get(t)?.add(pair);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${name}: ${recs.length} records, ${truth.size} true pairs, ${recs.length} searches in ${seconds.toFixed(1)} s`);
    for (const t of THRESHOLDS) {
      const p = predicted.get(t) ?? new Set<string>();
      const tp = [...p].filter((x) => truth.has(x)).length;
      const precision = p.size === 0 ? 0 : tp / p.size;
      const recall = truth.size === 0 ? 0 : tp / truth.size;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      console.log(`  score ≥ ${t.toFixed(1)}: precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (${p.size} pairs predicted)`);
    }
  }
} finally {
  await svc.close();
}
