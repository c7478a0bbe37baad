import type { MeasureFramework } from "./measure-types.ts";

/** An outcome, priority or theme measures are grouped under. */
export interface MeasureGroup {
  framework: MeasureFramework;
  key: string;
  title: string;
  description: string | null;
}

/**
 * The five outcomes of the Children and Young People's Plan's outcomes framework (its Annex B),
 * titled as the plan titles them.
 */
const CYPP_GROUPS: readonly MeasureGroup[] = [
  {
    framework: "cypp",
    key: "listened-to",
    title: "Children and young people are listened to and taken seriously",
    description: "Children and young people experience responsive services, have a voice in decisions that affect them and shape the services they receive.",
  },
  {
    framework: "cypp",
    key: "happy-healthy",
    title: "Children and young people are happy and healthy",
    description: "Families are supported to keep children healthy; children make healthy choices and achieve good social and emotional health.",
  },
  {
    framework: "cypp",
    key: "safe-supported",
    title: "Children and young people are safe and supported",
    description: "Children at risk of harm are identified and safeguarded; they stay at home safely or live in safe, stable and suitable care, and are safe from crime.",
  },
  {
    framework: "cypp",
    key: "achieving",
    title: "Children and young people are achieving in early years, education and employment",
    description: "Children can go to a good or outstanding local school, achieve their potential and move on to education, training or work after 16.",
  },
  {
    framework: "cypp",
    key: "resilient-prepared",
    title: "Children, young people and families are resilient and prepared for adult life",
    description: "Young people take active roles at home and in the community, develop skills for independence and move away from gangs and exploitation.",
  },
];

/** The Early Help strategy's four priorities, with the outcomes each works towards. */
const EARLY_HELP_GROUPS: readonly MeasureGroup[] = [
  { framework: "early-help", key: "covid-recovery", title: "Supporting COVID-19 recovery", description: "Outcomes: good early years development; children safe from abuse and exploitation." },
  { framework: "early-help", key: "youth-engagement", title: "Youth engagement", description: "Outcomes: good attendance; engagement with education; behaviour; young people diverted from crime." },
  {
    framework: "early-help",
    key: "health-wellbeing",
    title: "Health and wellbeing",
    description: "Outcomes: good mental and physical health; safe from domestic abuse; good family relationships; better managed substance misuse.",
  },
  { framework: "early-help", key: "economic-wellbeing", title: "Economic wellbeing", description: "Outcomes: financial stability; secure housing." },
];

/** The ten Supporting Families outcomes, as the Early Help strategy lists them. */
const SUPPORTING_FAMILIES_GROUPS: readonly MeasureGroup[] = [
  { framework: "supporting-families", key: "education", title: "Good attendance, behaviour, and engagement with education", description: null },
  { framework: "supporting-families", key: "early-years", title: "Good early years development", description: null },
  { framework: "supporting-families", key: "health", title: "Good mental and physical health", description: null },
  { framework: "supporting-families", key: "substance-use", title: "Better managed substance misuse", description: null },
  { framework: "supporting-families", key: "family-relationships", title: "Good family relationships", description: null },
  { framework: "supporting-families", key: "safe-from-abuse", title: "Children safe from abuse and exploitation", description: null },
  { framework: "supporting-families", key: "crime", title: "Families diverted from crime", description: null },
  { framework: "supporting-families", key: "domestic-abuse", title: "Safe from domestic abuse", description: null },
  { framework: "supporting-families", key: "housing", title: "Secure housing", description: null },
  { framework: "supporting-families", key: "financial-stability", title: "Financial stability", description: null },
];

/** The themes of a team's performance dashboard, in the order a child's journey meets them. */
const PERFORMANCE_GROUPS: readonly MeasureGroup[] = [
  { framework: "performance", key: "front-door", title: "Front door", description: "Contacts, referrals and repeat referrals." },
  { framework: "performance", key: "assessment", title: "Assessment", description: "Children and family assessments." },
  { framework: "performance", key: "child-protection", title: "Child protection", description: "Section 47 enquiries and initial child protection conferences." },
  { framework: "performance", key: "looked-after", title: "Children looked after", description: "Children in care: numbers, health, reviews and placement stability." },
  { framework: "performance", key: "care-leavers", title: "Care leavers", description: "Accommodation and education, employment or training of care leavers." },
  { framework: "performance", key: "early-help", title: "Early help", description: "Family plans and early help episodes closed." },
];

/** The five CYPP outcomes, the four Early Help priorities, the ten Supporting Families outcomes and the performance themes, in order. */
export const MEASURE_GROUPS: readonly MeasureGroup[] = [...CYPP_GROUPS, ...EARLY_HELP_GROUPS, ...SUPPORTING_FAMILIES_GROUPS, ...PERFORMANCE_GROUPS];

/** The group with this framework and key, or undefined. */
export function measureGroup(framework: MeasureFramework, key: string): MeasureGroup | undefined {
  return MEASURE_GROUPS.find((g) => g.framework === framework && g.key === key);
}
