// The diary's own labels the PDF prints (behaviours, methods, roles, effects, where a report went, message
// channels) and its legal-elements guidance. They belong to the diary's catalogue, not the PDF's, so the caller
// passes them for each language (EvidencePdfInput.labels); without them the PDF uses the domain's English ones.

import type {
  BehaviourId,
  DailyLifeChange,
  ImportedMessage,
  MethodKind,
  PersonRole,
  ReportTarget,
} from '../../../domain/incidents/index.ts';
import {
  behaviourById,
  CHANNEL_LABELS,
  DAILY_LIFE_CHANGE_LABELS,
  METHOD_LABELS,
  PERSON_ROLE_LABELS,
  REPORT_TARGET_LABELS,
  TIME_SOURCE_NOTES,
} from '../../../domain/incidents/index.ts';
import { analyseLegalElements } from '../../../domain/legal-elements/index.ts';

export interface PdfLabels {
  behaviour(id: BehaviourId): string;
  method(kind: MethodKind): string;
  role(role: PersonRole): string;
  dailyLife(change: DailyLifeChange): string;
  reportTarget(target: ReportTarget): string;
  channel(channel: ImportedMessage['channel']): string;
  /** Said after a message's time when it is not the export's own: " (from the file’s own data)". */
  timeSourceNote(source: ImportedMessage['timeSource']): string;
  /** The legal-elements guidance in this language (the same rules as the diary's legal panel). */
  analyseLegal: typeof analyseLegalElements;
}

export const ENGLISH_LABELS: PdfLabels = {
  behaviour: (id) => behaviourById(id).label,
  method: (kind) => METHOD_LABELS[kind],
  role: (role) => PERSON_ROLE_LABELS[role],
  dailyLife: (change) => DAILY_LIFE_CHANGE_LABELS[change],
  reportTarget: (target) => REPORT_TARGET_LABELS[target],
  channel: (channel) => CHANNEL_LABELS[channel],
  timeSourceNote: (source) => TIME_SOURCE_NOTES[source],
  analyseLegal: analyseLegalElements,
};
