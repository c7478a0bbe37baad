import type { Person } from "@family-story/schemas";
import type { ApiSession } from "./api-session.ts";

/** The made-up family the journeys use, added through the API so the test knows its shape. */
export interface Family {
  child: Person;
  mother: Person;
  father: Person;
  sister: Person;
  grandmother: Person;
  halfBrother: Person;
}

const HOME = { line1: "14 Harrow Road", town: "London", postcode: "W2 5EU", fromDate: "2019-03-01" };

async function create(session: ApiSession, body: Record<string, unknown>): Promise<Person> {
  const res = await session.call<Person>("POST", "/api/v1/people", body);
  if (res.status !== 201) throw new Error(`Could not create ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function relate(session: ApiSession, personId: string, relatedPersonId: string, type: string): Promise<void> {
  const res = await session.call("POST", `/api/v1/people/${personId}/relationships`, { relatedPersonId, type });
  if (res.status !== 201 && res.status !== 200) throw new Error(`Could not relate ${type}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Records Yusuf Chowdhury, his parents, sister, grandmother (deceased) and half-brother. */
export async function createFamily(session: ApiSession): Promise<Family> {
  const child = await create(session, { givenName: "Yusuf", familyName: "Chowdhury", dob: "2014-06-02", sex: "male", nhsNumber: "9434765919", ethnicity: "ABAN", firstLanguage: "ben", address: HOME });
  const mother = await create(session, { givenName: "Nasreen", familyName: "Chowdhury", dob: "1987-11-20", sex: "female", address: HOME });
  const father = await create(session, { givenName: "Abdul", familyName: "Chowdhury", dob: "1983-02-14", sex: "male" });
  const sister = await create(session, { givenName: "Amina", familyName: "Chowdhury", dob: "2011-09-09", sex: "female", address: HOME });
  const grandmother = await create(session, { givenName: "Rahima", familyName: "Begum", dob: "1956-05-01", sex: "female", deceasedDate: "2022-01-15" });
  const halfBrother = await create(session, { givenName: "Zain", familyName: "Ahmed", dob: "2019-12-03", sex: "unknown" });
  await relate(session, child.id, mother.id, "parent");
  await relate(session, child.id, father.id, "parent");
  await relate(session, child.id, sister.id, "sibling");
  await relate(session, child.id, grandmother.id, "grandparent");
  await relate(session, child.id, halfBrother.id, "half_sibling");
  return { child, mother, father, sister, grandmother, halfBrother };
}
