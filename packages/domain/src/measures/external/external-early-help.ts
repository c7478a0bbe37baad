import type { MeasureDefinition } from "../measure-types.ts";
import { externalMeasure } from "./define-external.ts";

/**
 * The measures of the Early Help strategy's four priorities that Family Story does not hold the
 * data for (good level of development and the youth offending measures are shared with the CYPP
 * and defined there). "Public health population level data" is split into the four indicators
 * public health publishes for it.
 */
export const EXTERNAL_EARLY_HELP_MEASURES: readonly MeasureDefinition[] = [
  // Supporting COVID-19 recovery
  externalMeasure({
    id: "send-awareness-attendance",
    title: "Parents of children with additional needs attending awareness raising sessions",
    description: "Attendances in the period by parents or carers of children with additional needs at awareness raising sessions run by or with the Family Hubs (one parent at two sessions counts twice).",
    numerator: null, denominator: null, unit: "count", direction: "up",
    dataSource: "Family Hub session registers", placements: ["early-help:covid-recovery"],
  }),
  // Youth engagement
  externalMeasure({
    id: "attendance-primary",
    title: "Primary school attendance",
    description: "Sessions attended as a share of possible sessions in state-funded primary schools in the academic year.",
    numerator: "Sessions attended", denominator: "Possible sessions",
    unit: "percent", direction: "up", dataSource: "DfE pupil absence statistics", placements: ["early-help:youth-engagement"],
  }),
  externalMeasure({
    id: "attendance-secondary",
    title: "Secondary school attendance",
    description: "Sessions attended as a share of possible sessions in state-funded secondary schools in the academic year.",
    numerator: "Sessions attended", denominator: "Possible sessions",
    unit: "percent", direction: "up", dataSource: "DfE pupil absence statistics", placements: ["early-help:youth-engagement"],
  }),
  externalMeasure({
    id: "suspensions-primary",
    title: "Primary school suspensions",
    description: "The suspension rate of state-funded primary schools in the academic year: suspensions per 100 pupils on roll.",
    numerator: "Suspensions", denominator: "Pupils on roll",
    unit: "percent", direction: "down", dataSource: "DfE suspensions and permanent exclusions", placements: ["early-help:youth-engagement"],
  }),
  externalMeasure({
    id: "suspensions-secondary",
    title: "Secondary school suspensions",
    description: "The suspension rate of state-funded secondary schools in the academic year: suspensions per 100 pupils on roll.",
    numerator: "Suspensions", denominator: "Pupils on roll",
    unit: "percent", direction: "down", dataSource: "DfE suspensions and permanent exclusions", placements: ["early-help:youth-engagement"],
  }),
  externalMeasure({
    id: "permanent-exclusions-primary",
    title: "Primary school permanent exclusions",
    description: "Permanent exclusions from state-funded primary schools in the academic year per 10,000 pupils on roll.",
    numerator: "Permanent exclusions", denominator: "Pupils on roll",
    unit: "rate", direction: "down", dataSource: "DfE suspensions and permanent exclusions", placements: ["early-help:youth-engagement"],
  }),
  externalMeasure({
    id: "permanent-exclusions-secondary",
    title: "Secondary school permanent exclusions",
    description: "Permanent exclusions from state-funded secondary schools in the academic year per 10,000 pupils on roll.",
    numerator: "Permanent exclusions", denominator: "Pupils on roll",
    unit: "rate", direction: "down", dataSource: "DfE suspensions and permanent exclusions", placements: ["early-help:youth-engagement"],
  }),
  // Health and wellbeing
  externalMeasure({
    id: "two-year-old-offer-take-up",
    title: "Take up of the 2 year old offer",
    description: "Two year olds eligible for funded early education (the DWP list), and the share taking up a funded place at the spring census.",
    numerator: "Eligible two year olds in a funded place", denominator: "Eligible two year olds",
    unit: "percent", direction: "up", dataSource: "DfE early years census and DWP eligibility list", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "you-me-baby-too-families",
    title: "Families accessing the You Me and Baby Too programme",
    description: "Distinct families who attended at least one session of the You Me and Baby Too programme in the period.",
    numerator: null, denominator: null, unit: "count", direction: "up",
    dataSource: "Programme registers", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "parent-child-interaction-improved",
    title: "Quality of parent-child interaction",
    description: "Parents who finished an early help intervention in the period with a parent-child interaction observation scored at its start and end, and the share whose score improved.",
    numerator: "Parents whose interaction score improved", denominator: "Parents scored at the start and end",
    unit: "percent", direction: "up", dataSource: "Family Hub practitioners' observation scores", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "substance-misuse-households",
    title: "Children in a household where an adult reports any substance misuse (projected)",
    description: "The projected share of 0 to 17 year olds living in a household where an adult reports any substance misuse, as published for the year.",
    numerator: "Projected children in such households", denominator: "Children aged 0 to 17",
    unit: "percent", direction: "down", dataSource: "Public health (Children's Commissioner vulnerability estimates)", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "camhs-referrals",
    title: "External referrals to CAMHS",
    description: "Referrals to CAMHS received in the period from outside the service (GPs, schools, social care and others). Context only: a rise may mean needs are being found earlier.",
    numerator: null, denominator: null, unit: "count", direction: "none",
    dataSource: "CAMHS provider (NHS)", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "rpc-training-practitioners",
    title: "Practitioners accessing Reducing Parental Conflict training",
    description: "Distinct practitioners who attended Reducing Parental Conflict training in the period.",
    numerator: null, denominator: null, unit: "count", direction: "up",
    dataSource: "Workforce development training records", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "mmr2-by-5",
    title: "Children immunised with two doses of MMR by their fifth birthday",
    description: "Children who reached their fifth birthday in the financial year, and the share who had two doses of MMR vaccine by then.",
    numerator: "Children with two doses by age 5", denominator: "Children reaching age 5 in the year",
    unit: "percent", direction: "up", dataSource: "UKHSA COVER programme (public health)", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "obesity-reception",
    title: "Obesity in Reception",
    description: "Children in Reception measured by the National Child Measurement Programme in the academic year, and the share who are obese (including severely obese).",
    numerator: "Children measured as obese", denominator: "Children measured",
    unit: "percent", direction: "down", dataSource: "National Child Measurement Programme (public health)", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "obesity-year-6",
    title: "Obesity in Year 6",
    description: "Children in Year 6 measured by the National Child Measurement Programme in the academic year, and the share who are obese (including severely obese).",
    numerator: "Children measured as obese", denominator: "Children measured",
    unit: "percent", direction: "down", dataSource: "National Child Measurement Programme (public health)", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "dental-decay-age-5",
    title: "Five year olds with visible tooth decay",
    description: "Five year olds examined in the oral health survey, and the share with visually obvious dental decay.",
    numerator: "Children with visible decay", denominator: "Children examined",
    unit: "percent", direction: "down", dataSource: "National Dental Epidemiology Programme (public health)", placements: ["early-help:health-wellbeing"],
  }),
  externalMeasure({
    id: "domestic-abuse-incidents",
    title: "Reported incidents of domestic abuse",
    description: "Domestic abuse incidents and crimes reported to the police in the period. Context only: more reporting can mean more confidence to come forward.",
    numerator: null, denominator: null, unit: "count", direction: "none",
    dataSource: "Metropolitan Police domestic abuse data", placements: ["early-help:health-wellbeing"],
  }),
  // Economic wellbeing
  externalMeasure({
    id: "parental-worklessness",
    title: "Children in workless households",
    description: "Children living in households with at least one adult aged 16 to 64, and the share where no adult is in work, for the calendar year.",
    numerator: "Children in workless households", denominator: "Children in households with an adult aged 16 to 64",
    unit: "percent", direction: "down", dataSource: "ONS Annual Population Survey (household)", placements: ["early-help:economic-wellbeing"],
  }),
  externalMeasure({
    id: "family-homelessness",
    title: "Families with children in temporary accommodation",
    description: "Households with dependent children in temporary accommodation arranged by the authority at the period's end.",
    numerator: null, denominator: null, unit: "count", direction: "down",
    dataSource: "DLUHC statutory homelessness (H-CLIC)", placements: ["early-help:economic-wellbeing"],
  }),
  externalMeasure({
    id: "children-low-income-families",
    title: "Children in relative low income families",
    description: "Children under 16, and the share living in families with relative low income before housing costs, for the financial year.",
    numerator: "Children in relative low income families", denominator: "Children under 16",
    unit: "percent", direction: "down", dataSource: "DWP children in low income families", placements: ["early-help:economic-wellbeing"],
  }),
];
