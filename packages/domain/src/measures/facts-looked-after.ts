import type { FactFunction, MeasureFact } from "./measure-types.ts";
import { careLeaverFacts } from "./looked-after/care-leaver-facts.ts";
import { childHistory } from "./looked-after/child-history.ts";
import { healthAssessmentFacts, reviewFacts, sdqFacts, startAndEndFacts } from "./looked-after/event-facts.ts";
import { convictionFacts, missingChildFacts, returnHomeInterviewFacts } from "./looked-after/missing-and-offending-facts.ts";
import { monthEndFacts } from "./looked-after/month-end-facts.ts";

/**
 * Facts of the looked-after and care leaver measures for one child (docs/measures.md, "Computed
 * measures: children looked after and care leavers"). Every one of them needs an episode, so
 * the many children never looked after cost a length check.
 */
export const lookedAfterFacts: FactFunction = (records, window) => {
  if (records.episodes.length === 0) return [];
  const history = childHistory(records);
  const facts: MeasureFact[] = [
    ...monthEndFacts(history, window),
    ...startAndEndFacts(history, window),
    ...reviewFacts(history, window),
    ...healthAssessmentFacts(history, window),
    ...sdqFacts(history, window),
    ...missingChildFacts(history, window),
    ...returnHomeInterviewFacts(history, window),
    ...convictionFacts(history, window),
    ...careLeaverFacts(history, window),
  ];
  return facts;
};
