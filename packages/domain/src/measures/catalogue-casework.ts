import { SUPPORTING_FAMILIES_OUTCOMES } from "../casework-codes.ts";
import {
  ASSESSMENTS_45_DAYS,
  CHILDREN_SUPPORTED_AT_HOME,
  CIN_ACUTE_STRESS_DYSFUNCTION,
  CONTACTS_DECIDED_ON_TIME,
  EARLY_HELP_CLOSED_OUTCOMES_ACHIEVED,
  FAMILY_PLAN_OUTCOMES_MET,
  ICPC_15_DAYS,
  REFERRALS_CSC,
  REPEAT_REFERRALS_CSC,
  REPEAT_REFERRALS_EARLY_HELP,
  supportingFamiliesGroup,
  supportingFamiliesMeasureId,
} from "./casework/casework-ids.ts";
import { placementsFrom, type MeasureDefinition, type MeasureDirection, type MeasureKind, type MeasurePlacementKey, type MeasureUnit } from "./measure-types.ts";

interface CaseworkSpec {
  id: string;
  title: string;
  description: string;
  numerator: string | null;
  denominator: string | null;
  unit: MeasureUnit;
  direction: MeasureDirection;
  kind: MeasureKind;
  /** "framework:group", e.g. "performance:front-door". */
  placements: readonly MeasurePlacementKey[];
}

/** A computed measure's definition from its spec: worked out from the records, so no data source. */
function computed(spec: CaseworkSpec): MeasureDefinition {
  return { ...spec, source: "computed", placements: placementsFrom(spec.placements), dataSource: null };
}

const FRONT_DOOR: readonly MeasureDefinition[] = [
  computed({
    id: REFERRALS_CSC,
    title: "Referrals to children's social care",
    description: "Referrals to children's social care (CIN referrals, each opening a social care episode) by their referral date, including those that end in no further action.",
    numerator: null,
    denominator: null,
    unit: "count",
    direction: "none",
    kind: "flow",
    placements: ["early-help:covid-recovery", "performance:front-door"],
  }),
  computed({
    id: REPEAT_REFERRALS_CSC,
    title: "Repeat referrals to children's social care within 12 months",
    description: "Of referrals to children's social care in the period, the percentage about a child referred before on or after the same date 12 months earlier.",
    numerator: "Referrals in the period whose child had an earlier referral within the 12 months before",
    denominator: "Referrals to children's social care in the period",
    unit: "percent",
    direction: "down",
    kind: "flow",
    placements: ["cypp:happy-healthy", "performance:front-door"],
  }),
  computed({
    id: CONTACTS_DECIDED_ON_TIME,
    title: "Contacts decided within one working day",
    description: "Of contacts about children decided in the period, the percentage decided by the end of the working day after they were received (each child of a contact counts once).",
    numerator: "Children's contacts decided on or before the working day after they were received",
    denominator: "Children's contacts decided in the period",
    unit: "percent",
    direction: "up",
    kind: "flow",
    placements: ["performance:front-door"],
  }),
];

const SOCIAL_CARE: readonly MeasureDefinition[] = [
  computed({
    id: ASSESSMENTS_45_DAYS,
    title: "Child and family assessments completed within 45 working days",
    description: "Of child and family assessments completed in the period, the percentage completed within 45 working days of the referral (a later assessment on the same case: of its start).",
    numerator: "Assessments completed in the period on or before their 45th working day",
    denominator: "Child and family assessments completed in the period",
    unit: "percent",
    direction: "up",
    kind: "flow",
    placements: ["performance:assessment"],
  }),
  computed({
    id: ICPC_15_DAYS,
    title: "Initial child protection conferences within 15 working days",
    description: "Of initial child protection conferences held in the period, the percentage held within 15 working days of the strategy discussion that started the section 47 enquiry.",
    numerator: "Initial conferences held on or before the 15th working day after their strategy discussion",
    denominator: "Initial child protection conferences held in the period (with a strategy discussion on record)",
    unit: "percent",
    direction: "up",
    kind: "flow",
    placements: ["performance:child-protection"],
  }),
  computed({
    id: CIN_ACUTE_STRESS_DYSFUNCTION,
    title: "Children in need due to family in acute stress or family dysfunction",
    description: "Of child and family assessments completed in the period that found the child in need (primary need N1 to N8), the percentage whose primary need is family in acute stress (N4) or family dysfunction (N5).",
    numerator: "Assessments completed in the period with primary need N4 or N5",
    denominator: "Assessments completed in the period with primary need N1 to N8",
    unit: "percent",
    direction: "down",
    kind: "flow",
    placements: ["early-help:covid-recovery"],
  }),
  computed({
    id: CHILDREN_SUPPORTED_AT_HOME,
    title: "Children supported at home",
    description: "Children on a child protection or child in need plan at the end of the period who are not looked after that day (children on short breaks live at home and are counted).",
    numerator: null,
    denominator: null,
    unit: "count",
    direction: "none",
    kind: "stock",
    placements: ["cypp:safe-supported"],
  }),
];

const EARLY_HELP: readonly MeasureDefinition[] = [
  computed({
    id: REPEAT_REFERRALS_EARLY_HELP,
    title: "Repeat referrals to early help within 12 months",
    description: "Of early help episodes opened in the period, the percentage whose lead child had another early help episode opened on or after the same date 12 months earlier.",
    numerator: "Early help episodes opened in the period whose child had another episode opened within the 12 months before",
    denominator: "Early help episodes opened in the period",
    unit: "percent",
    direction: "down",
    kind: "flow",
    placements: ["cypp:happy-healthy", "performance:early-help"],
  }),
  computed({
    id: FAMILY_PLAN_OUTCOMES_MET,
    title: "Outcomes successfully met at closure of family plan",
    description: "Of the goals of family plans whose early help episode closed in the period with the closure authorised, the percentage rated met at closure.",
    numerator: "Family plan goals rated met at an authorised closure in the period",
    denominator: "Family plan goals of episodes whose closure was authorised in the period",
    unit: "percent",
    direction: "up",
    kind: "flow",
    placements: ["early-help:health-wellbeing", "performance:early-help"],
  }),
  computed({
    id: EARLY_HELP_CLOSED_OUTCOMES_ACHIEVED,
    title: "Early help episodes closed with outcomes achieved",
    description: "Of early help episodes whose closure was authorised in the period, the percentage closed because the family's outcomes were achieved (not stepped up, stepped down, disengaged or moved away).",
    numerator: "Authorised closures in the period with the reason outcomes achieved",
    denominator: "Early help episodes whose closure was authorised in the period",
    unit: "percent",
    direction: "up",
    kind: "flow",
    placements: ["performance:early-help"],
  }),
];

/** One measure per Supporting Families outcome: the family-plan-outcomes-met figure for its goals. */
const SUPPORTING_FAMILIES: readonly MeasureDefinition[] = SUPPORTING_FAMILIES_OUTCOMES.map((outcome) =>
  computed({
    id: supportingFamiliesMeasureId(outcome.code),
    title: `Family plan goals met at closure: ${outcome.label}`,
    description: `Of family plan goals under the Supporting Families outcome “${outcome.label}” whose early help episode closed in the period with the closure authorised, the percentage rated met at closure.`,
    numerator: "Goals under this outcome rated met at an authorised closure in the period",
    denominator: "Goals under this outcome of episodes whose closure was authorised in the period",
    unit: "percent",
    direction: "up",
    kind: "flow",
    placements: [`supporting-families:${supportingFamiliesGroup(outcome.code)}`],
  }),
);

/** Computed measures of the front door, children in need, child protection and early help (docs/measures.md). */
export const CASEWORK_MEASURES: readonly MeasureDefinition[] = [...FRONT_DOOR, ...SOCIAL_CARE, ...EARLY_HELP, ...SUPPORTING_FAMILIES];
