/** The ids of the looked-after and care leaver measures (catalogue-looked-after.ts defines them). */
export const LAC_MEASURE = Object.freeze({
  count: "lac-count",
  started: "lac-started",
  returnedHome: "lac-returned-home",
  healthAssessmentsOnTime: "lac-health-assessments-on-time",
  sdqAverage: "lac-sdq-average",
  missingChildren: "lac-missing-children",
  missingRhi: "lac-missing-rhi",
  stabilityShort: "lac-placement-stability-short",
  stabilityLong: "lac-placement-stability-long",
  reviewsOnTime: "lac-reviews-on-time",
  pep: "lac-pep",
  convicted: "lac-convicted",
  careLeaversAccommodation: "care-leavers-suitable-accommodation",
  careLeaversEet: "care-leavers-eet",
} as const);
