import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import type { GovActionStatus, GovCommitteeActionStatus } from "../db/governance-types.ts";
import { DEMO_USERS, RBKC, WCC } from "./demo-organisation.ts";
import type { DemoContext } from "./seed-demo.ts";

/**
 * The demo's strategies and committee. They follow the shape of a council's papers (a plan's
 * priorities with actions reported Not started / In progress / Complete; a scrutiny
 * committee's rounds, work programme, action tracker and recommendation tracker) but every
 * title and note is written for the demo: synthetic, not any council's words.
 */

type Note = readonly [notedOn: string, status: GovActionStatus, note: string, by: string];
interface DemoAction { title: string; owner: string; status: GovActionStatus; start?: string; due?: string; measures?: readonly string[]; notes?: readonly Note[] }
interface DemoStrategy { la: string; title: string; period: string; starts: string; ends: string; summary: string; priorities: readonly { title: string; actions: readonly DemoAction[] }[] }

const LEADER = "leader.wcc";
const ANALYST = "analyst.wcc";

const STRATEGIES: readonly DemoStrategy[] = [
  {
    la: WCC,
    title: "Children and Young People's Plan",
    period: "2019–22",
    starts: "2019-04-01",
    ends: "2022-03-31",
    summary: "What the partnership said it would do for children and young people, and how it is going.",
    priorities: [
      {
        title: "Keep children at the centre of everything we do",
        actions: [
          { title: "Open a family hub in every locality", owner: "Head of Early Help", status: "complete", start: "2019-09-01", due: "2020-09-30", measures: ["family-plan-outcomes-met"], notes: [["2020-03-31", "in_progress", "Two of three hubs open; the third delayed by building works.", LEADER], ["2020-10-15", "complete", "All three hubs open with health visiting and family support on site.", LEADER]] },
          { title: "Appoint a money adviser for families in financial hardship", owner: "Family Hubs manager", status: "in_progress", start: "2020-04-01", due: "2021-06-30", notes: [["2021-02-10", "in_progress", "Post advertised twice; interim cover from the welfare rights team.", ANALYST]] },
          { title: "Report on the family navigator working from the north hub", owner: "Family Hubs manager", status: "in_progress", due: "2021-09-30", notes: [["2021-03-01", "in_progress", "Navigator linking newly arrived families with local charities; first report drafted.", LEADER]] },
          { title: "Start the transitions project for the Church Street area", owner: "Head of Youth Services", status: "not_started", due: "2022-03-31" },
        ],
      },
      {
        title: "Redesign our support from pre-birth to five",
        actions: [
          { title: "Agree the pre-birth to five strategy and its workstreams", owner: "Director of Early Help", status: "complete", due: "2020-07-31", notes: [["2020-08-05", "complete", "Strategy signed off by the partnership board.", LEADER]] },
          { title: "Hold listening workshops with staff and residents", owner: "Director of Early Help", status: "complete", due: "2020-06-30", notes: [["2020-06-25", "complete", "Six online workshops held; 140 people took part.", ANALYST]] },
          { title: "Change how universal health visiting is delivered", owner: "Public Health commissioner", status: "in_progress", start: "2020-09-01", due: "2021-12-31", notes: [["2021-01-20", "in_progress", "Working with the provider to move bookings and records online.", LEADER]] },
          { title: "Have the redesigned pathway in place", owner: "Director of Early Help", status: "not_started", due: "2022-03-31", measures: ["early-help-closed-outcomes-achieved"] },
        ],
      },
      {
        title: "Make sure every child can go to a good, inclusive local school",
        actions: [
          { title: "Learn from the school inclusion pilot", owner: "Head of Inclusion", status: "complete", due: "2020-12-31", notes: [["2020-12-14", "complete", "Pilot findings fed into the draft strategy.", ANALYST]] },
          { title: "Write and launch the inclusion strategy", owner: "Head of Inclusion", status: "complete", due: "2021-03-31", notes: [["2021-03-29", "complete", "Strategy launched at the head teachers' forum.", LEADER]] },
          { title: "Put the inclusion strategy's action plans to work", owner: "Head of Inclusion", status: "in_progress", start: "2021-04-01", due: "2022-03-31", measures: ["lac-pep"], notes: [["2021-06-30", "in_progress", "Each school has named an inclusion lead.", LEADER]] },
        ],
      },
      {
        title: "Keep children safe and in stable homes",
        actions: [
          { title: "Recruit more local foster carers", owner: "Head of Children Looked After", status: "in_progress", start: "2019-10-01", due: "2021-09-30", measures: ["lac-placement-stability-long", "lac-placement-stability-short"], notes: [["2020-12-01", "in_progress", "Eleven new households approved this year against a goal of fifteen.", ANALYST]] },
          { title: "Review every repeat referral at the front door", owner: "Head of the Integrated Front Door", status: "complete", due: "2020-12-31", measures: ["repeat-referrals-csc"], notes: [["2021-01-08", "complete", "Monthly repeat-referral audit now part of the front door's routine.", LEADER]] },
          { title: "Improve information sharing between youth justice and SEND", owner: "Head of Youth Justice", status: "in_progress", due: "2021-12-31", measures: ["lac-convicted"], notes: [["2021-04-12", "in_progress", "Shared panel meets fortnightly for young people known to both.", LEADER]] },
          { title: "Prepare for the youth justice inspection", owner: "Head of Youth Justice", status: "not_started", due: "2022-01-31" },
        ],
      },
    ],
  },
  {
    la: WCC,
    title: "Early Help Strategy",
    period: "2022–25",
    starts: "2022-04-01",
    ends: "2025-03-31",
    summary: "Help for families as early as possible, built around four priorities.",
    priorities: [
      { title: "Recover from the pandemic together", actions: [{ title: "Offer a family support check-in to every family referred twice in a year", owner: "Targeted Early Help manager", status: "in_progress", start: "2022-06-01", due: "2023-03-31", measures: ["repeat-referrals-early-help"], notes: [["2022-11-30", "in_progress", "Check-ins offered to 82 families so far.", ANALYST]] }] },
      { title: "Engage young people in positive activities", actions: [{ title: "Run holiday activities with food for children on free school meals", owner: "Head of Youth Services", status: "complete", due: "2022-09-01", notes: [["2022-09-05", "complete", "Summer programme ran at twelve sites.", LEADER]] }, { title: "Set up a youth council for each locality", owner: "Participation lead", status: "not_started", due: "2024-03-31" }] },
      { title: "Support health and wellbeing", actions: [{ title: "Open a wellbeing drop-in for 16 to 25 year olds", owner: "Public Health commissioner", status: "in_progress", start: "2022-09-01", due: "2023-09-30", measures: ["family-plan-outcomes-met"] }] },
      { title: "Support families' economic wellbeing", actions: [{ title: "Add benefits advice to every family plan review", owner: "Targeted Early Help manager", status: "not_started", due: "2024-03-31", measures: ["sf-financial-stability"] }] },
    ],
  },
  {
    la: RBKC,
    title: "Children and Young People's Plan",
    period: "2021–24",
    starts: "2021-04-01",
    ends: "2024-03-31",
    summary: "Kensington and Chelsea's plan for children and young people.",
    priorities: [
      { title: "Hear children's voices in everything we do", actions: [{ title: "Train every team in direct work with children", owner: "Principal Social Worker", status: "in_progress", due: "2022-12-31", notes: [["2022-05-01", "in_progress", "Four of seven teams trained.", ANALYST]] }] },
      { title: "Help care leavers into work and learning", actions: [{ title: "Offer every care leaver an apprenticeship interview", owner: "Head of Leaving Care", status: "complete", due: "2022-03-31", measures: ["care-leavers-eet"], notes: [["2022-03-30", "complete", "Interviews offered with five local employers.", LEADER]] }] },
    ],
  },
];

const GENERAL = "To hear about work in the committee's remit and question it as a critical friend";
const CABINET = "Cabinet Member for Children and Families";
const ROUNDS: readonly (readonly [label: string, date: string | null])[] = [["Round one", "2019-06-18"], ["Round two", "2019-10-16"], ["Round three", "2019-11-26"], ["Round four", "2020-01-28"], ["Round five", "2020-03-04"], ["Round six", "2020-04-21"], ["Round seven", null], ["Round eight", null]];
// [round (1-based; 0 unallocated), title, reasons, represented by]
const AGENDA: readonly (readonly [number, string, string | null, string | null])[] = [
  [3, "Cabinet Member questions", GENERAL, CABINET],
  [3, "Youth crime", "How much youth crime is there locally, and what is being done about it?", null],
  [3, "Children looked after and unaccompanied children", "The independent reviewing service's annual report", "Head of the Independent Reviewing Service"],
  [4, "Cabinet Member questions", GENERAL, CABINET],
  [4, "Young carers", "What help is there for young carers, and could we do more?", null],
  [4, "Safeguarding children partnership", "The partnership's annual report", "Independent chair"],
  [6, "Family hubs", "How the family hubs model is being put in place", "Director of Early Help"],
  [7, "Supporting Families programme", "The programme now the council runs it itself", null],
  [8, "Relationships and sex education", "How schools are teaching it in its first statutory year", null],
  [0, "Suicide prevention", "Our approach to preventing suicide", null],
  [0, "Public health annual report", "The Director of Public Health's annual report", "Director of Public Health"],
  [0, "Social prescribing", "How social prescribing works locally and what it achieves", null],
];
// [round, agenda item, action, status, update]
const TRACKER: readonly (readonly [number, string, string, GovCommitteeActionStatus, string | null])[] = [
  [2, "Item 4: Cabinet Member update", "Send members the recent inspection report", "completed", "Sent on 21 October"],
  [2, "Item 4: Cabinet Member update", "Report on why families become homeless and why some do not ask for help", "in_progress", "Due at round five"],
  [2, "Item 5: Immunisation", "Share the London catch-up plan for the MMR vaccine", "completed", null],
  [2, "Item 7: Work programme", "Move the primary care item to a later round", "completed", null],
  [1, "Item 5: Early years", "Circulate the number of places at the stay-and-play sessions", "completed", null],
  [1, "Item 6: Cabinet Member update", "Find out whether take-up of childhood vaccinations is falling", "in_progress", "Awaiting figures from the health partners"],
];
// [round, recommendation, responses: [organisation, response or null, date or null]]
const RECOMMENDATIONS: readonly (readonly [number, string, readonly (readonly [string, string | null, string | null])[]])[] = [
  [2, "That consent for school immunisations be collected electronically.", [["NHS England (London)", "Three school nursing providers are trying electronic consent; we will report back once it is in use everywhere.", "2019-12-09"], ["Central London CCG", "We support this and will follow the pilot's results.", "2019-12-16"]]],
  [2, "That families be told clearly where a vaccine without pork gelatine is available.", [["NHS England (London)", "Which vaccines are offered is decided nationally; parents can ask their GP for the alternative.", "2019-12-09"], ["Central London CCG", null, null]]],
  [2, "That a pilot of school-style immunisation sessions in nurseries be considered.", [["Central London CCG", "Worth exploring; it would need GP support and funding, so we will discuss it with the primary care networks.", "2020-01-06"]]],
];

/** Seeds the demo's strategies and committee (first start only, straight into the tables). */
export async function seedDemoGovernance(db: Kysely<Database>, ctx: DemoContext): Promise<void> {
  const nameOf = (username: string): string => DEMO_USERS.find((u) => u.username === username)?.name ?? username;
  await db.transaction().execute(async (trx) => {
    for (const s of STRATEGIES) {
      const strategyId = randomUUID();
      await trx.insertInto("gov_strategy").values({ la_code: s.la, id: strategyId, title: s.title, period_label: s.period, starts_on: s.starts, ends_on: s.ends, summary: s.summary, updated_by: null }).execute();
      for (const [pi, p] of s.priorities.entries()) {
        const priorityId = randomUUID();
        await trx.insertInto("gov_priority").values({ la_code: s.la, id: priorityId, strategy_id: strategyId, position: pi + 1, title: p.title, description: null }).execute();
        for (const [ai, a] of p.actions.entries()) {
          const actionId = randomUUID();
          await trx
            .insertInto("gov_action")
            .values({ la_code: s.la, id: actionId, strategy_id: strategyId, priority_id: priorityId, position: ai + 1, title: a.title, description: null, status: a.status, owner: a.owner, start_date: a.start ?? null, due_date: a.due ?? null, measure_ids: JSON.stringify(a.measures ?? []), updated_by: null })
            .execute();
          for (const [date, status, note, by] of a.notes ?? []) {
            await trx
              .insertInto("gov_action_note")
              .values({ la_code: s.la, id: randomUUID(), action_id: actionId, noted_on: date, status, note, recorded_by: ctx.userIds.get(by) ?? null, recorded_by_name: nameOf(by), recorded_at: new Date(`${date}T12:00:00Z`) })
              .execute();
          }
        }
      }
    }
    const committeeId = randomUUID();
    await trx.insertInto("gov_committee").values({ la_code: WCC, id: committeeId, name: "Family Services Policy and Scrutiny Committee", year_label: "2019/20", remit: "Children's services, early help, public health and adult social care" }).execute();
    const meetingIds = ROUNDS.map(() => randomUUID());
    await trx.insertInto("gov_meeting").values(ROUNDS.map(([label, date], i) => ({ la_code: WCC, id: meetingIds[i] ?? "", committee_id: committeeId, round_label: label, meets_on: date, position: i + 1, updated_by: null }))).execute();
    const meeting = (round: number): string | null => (round === 0 ? null : (meetingIds[round - 1] ?? null));
    const items = [
      ...AGENDA.map(([round, title, reasons, by]) => ({ meeting_id: meeting(round), kind: "agenda_item" as const, title, reasons, represented_by: by })),
      { meeting_id: null, kind: "task_group" as const, title: "Young people's mental health and technology", reasons: "How phones and social media affect young people's wellbeing", represented_by: null },
    ];
    await trx.insertInto("gov_work_item").values(items.map((w, i) => ({ la_code: WCC, id: randomUUID(), committee_id: committeeId, position: i + 1, updated_by: null, ...w }))).execute();
    await trx
      .insertInto("gov_committee_action")
      .values(TRACKER.map(([round, item, action, status, update], i) => ({ la_code: WCC, id: randomUUID(), committee_id: committeeId, meeting_id: meeting(round) ?? "", agenda_item: item, action, status, update_note: update, position: i + 1, updated_by: null })))
      .execute();
    for (const [i, [round, text, responses]] of RECOMMENDATIONS.entries()) {
      const id = randomUUID();
      await trx.insertInto("gov_recommendation").values({ la_code: WCC, id, committee_id: committeeId, meeting_id: meeting(round) ?? "", number: i + 1, text, updated_by: null }).execute();
      await trx.insertInto("gov_recommendation_response").values(responses.map(([organisation, response, on], j) => ({ la_code: WCC, recommendation_id: id, organisation, position: j + 1, response, responded_on: on }))).execute();
    }
  });
}
