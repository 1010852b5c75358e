// Which elements of the law the diary's record may support (PHA 1997 ss.2, 2A, 4, 4A; Stalking Protection
// Orders), in plain words with links to the guidance. Guidance, never legal advice.

export type { LegalElementsInput } from './analyse.ts';
export { analyseLegalElements, GUIDANCE_NOTICE } from './analyse.ts';
export type { ConductGroup } from './conduct-groups.ts';
export { conductGroups, isCourseOfConduct } from './conduct-groups.ts';
export { FEAR_OCCASIONS_NEEDED, fearOfViolenceIn } from './fear-of-violence.ts';
export { harassmentIn } from './harassment.ts';
export { LINKS } from './links.ts';
export type {
  ElementFinding,
  ElementId,
  ElementStatus,
  Evaluation,
  GuidanceLink,
  LegalElementsReport,
  Point,
  Strengthener,
} from './model.ts';
export { ELEMENT_IDS, STATUSES, statusRank } from './model.ts';
export { BUSY_WEEK_INCIDENTS, hasBusyWeek, protectionOrderIn, riskBehavioursOf } from './protection-order.ts';
export { inStalkingLawPeriod, STALKING_OFFENCES_FROM, stalkingIn } from './stalking.ts';
export { stalkingWithFearOrDistressIn } from './stalking-fear-or-distress.ts';
export { strengthenersFor } from './strengtheners.ts';
