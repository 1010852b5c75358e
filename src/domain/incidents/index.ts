// The incident diary's data: what one incident, person and place record holds, the behaviours checklist, and
// how to validate and read them. Plain JSON-friendly data (dates are ISO strings) that the browser encrypts.

export type { Behaviour, BehaviourId, StalkingExample } from './behaviours.ts';
export { BEHAVIOUR_IDS, BEHAVIOURS, behaviourById, isBehaviourId } from './behaviours.ts';
export { newIncident, newPerson, newPlace, newQuickNote } from './create.ts';
export { CHANNEL_LABELS, importedRecordOf, importedRecordsOf, messageWhat, TIME_SOURCE_NOTES } from './imported.ts';
export { hasCrimeReference, isReported, personIdsWithRole, recordsHarm, stalkerIds } from './involvement.ts';
export type { ParseResult, Problem } from './parse.ts';
export { parseIncident, parsePerson, parsePlace, problemsOf } from './parse.ts';
export type {
  Attachment,
  DiaryKind,
  Effects,
  Imported,
  ImportedMessage,
  Incident,
  IncidentWhen,
  MethodUse,
  Person,
  PersonLink,
  Place,
  Report,
} from './schema.ts';
export {
  attachmentSchema,
  DIARY_KINDS,
  diaryKindOf,
  effectsSchema,
  idSchema,
  importedMessageSchema,
  importedSchema,
  incidentSchema,
  instantSchema,
  isoDateSchema,
  methodSchema,
  personLinkSchema,
  personSchema,
  placeSchema,
  reportSchema,
  SCHEMA_VERSION,
  whenSchema,
} from './schema.ts';
export type { DailyLifeChange, MethodKind, PersonRole, ReportTarget } from './vocabulary.ts';
export {
  DAILY_LIFE_CHANGE_LABELS,
  DAILY_LIFE_CHANGES,
  LIMITS,
  METHOD_KINDS,
  METHOD_LABELS,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  REPORT_TARGET_LABELS,
  REPORT_TARGETS,
} from './vocabulary.ts';
export type { WhenBounds } from './when.ts';
export {
  describeWhen,
  exactWhenAt,
  exactWhenFromLondon,
  LONDON,
  whenBounds,
  whenExactTime,
  whenKnownDate,
  whenSortKey,
  whenStartDate,
} from './when.ts';
