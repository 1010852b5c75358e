// The guided entry form's working copy: plain strings and lists as the fields hold them, turned into an
// Incident (and checked by the domain's schema) only when a step is continued or the entry is saved. Pure.
import { DateTime } from 'luxon';
import type {
  Attachment,
  BehaviourId,
  DailyLifeChange,
  Imported,
  Incident,
  IncidentWhen,
  MethodKind,
  MethodUse,
  PersonLink,
  Problem,
  Report,
  ReportTarget,
} from '../../../domain/incidents/index.ts';
import { LONDON, parseIncident, REPORT_TARGETS } from '../../../domain/incidents/index.ts';
import { t } from '../i18n/i18n.ts';

export type WhenKind = 'exact' | 'day' | 'range';

export interface ReportDraft {
  readonly made: boolean;
  readonly name: string;
  readonly crimeReference: string;
  readonly officerName: string;
  readonly date: string;
}

export interface EntryDraft {
  readonly id: string;
  /** It began as a quick note; saving the guided form completes it. */
  readonly wasQuickNote: boolean;
  readonly whenKind: WhenKind;
  /** 'YYYY-MM-DD' and 'HH:mm' as London clocks read. */
  readonly date: string;
  readonly time: string;
  readonly fromDate: string;
  readonly fromTime: string;
  readonly toDate: string;
  readonly toTime: string;
  readonly where: string;
  readonly placeId: string;
  readonly whatHappened: string;
  readonly behaviours: readonly BehaviourId[];
  readonly methods: readonly MethodKind[];
  readonly platform: string;
  readonly otherMethod: string;
  readonly people: readonly PersonLink[];
  readonly fearOfViolence: boolean;
  readonly alarmOrDistress: boolean;
  readonly dailyLifeChanges: readonly DailyLifeChange[];
  readonly otherChange: string;
  readonly feelings: string;
  readonly reports: Readonly<Record<ReportTarget, ReportDraft>>;
  /** Files already in the vault (from an earlier version). New files are uploaded on save and added then. */
  readonly attachments: readonly Attachment[];
  /** Messages brought in from an export: not edited by the form, kept as they are. */
  readonly imported?: Imported;
}

const NO_REPORT: ReportDraft = { made: false, name: '', crimeReference: '', officerName: '', date: '' };

/** London date and time of an instant, as the date and time fields show them. */
export function londonClock(instant: number | string): { date: string; time: string } {
  const local = (typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromISO(instant, { setZone: true })).setZone(LONDON);
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

function splitBound(value: string): { date: string; time: string } {
  return value.length === 10 ? { date: value, time: '' } : londonClock(value);
}

export function draftFromIncident(incident: Incident): EntryDraft {
  const when = incident.when;
  const exact = when.precision === 'exact' ? londonClock(when.at) : { date: '', time: '' };
  const from = when.precision === 'range' ? splitBound(when.from) : { date: '', time: '' };
  const to = when.precision === 'range' ? splitBound(when.to) : { date: '', time: '' };
  const platform = incident.methods.find((method) => method.kind === 'social-media');
  const other = incident.methods.find((method) => method.kind === 'other');
  const reports = Object.fromEntries(
    REPORT_TARGETS.map((target) => {
      const report = incident.reports.find((r) => r.to === target);
      return [
        target,
        report
          ? {
              made: true,
              name: report.name ?? '',
              crimeReference: report.crimeReference ?? '',
              officerName: report.officerName ?? '',
              date: report.date ?? '',
            }
          : NO_REPORT,
      ];
    }),
  ) as Record<ReportTarget, ReportDraft>;
  return {
    id: incident.id,
    wasQuickNote: incident.quickNote,
    whenKind: when.precision,
    date: when.precision === 'day' ? when.date : exact.date,
    time: exact.time,
    fromDate: from.date,
    fromTime: from.time,
    toDate: to.date,
    toTime: to.time,
    where: incident.where,
    placeId: incident.placeId ?? '',
    whatHappened: incident.whatHappened,
    behaviours: incident.behaviours,
    methods: incident.methods.map((method) => method.kind),
    platform: platform && 'platform' in platform ? platform.platform : '',
    otherMethod: other && 'detail' in other ? (other.detail ?? '') : '',
    people: incident.people,
    fearOfViolence: incident.effects.fearOfViolence,
    alarmOrDistress: incident.effects.alarmOrDistress,
    dailyLifeChanges: incident.effects.dailyLifeChanges,
    otherChange: incident.effects.otherChange ?? '',
    feelings: incident.effects.notes ?? '',
    reports,
    attachments: incident.attachments,
    ...(incident.imported ? { imported: incident.imported } : {}),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function boundFrom(date: string, time: string, field: 'from' | 'to'): string | Problem {
  if (!DATE.test(date)) return { path: `${field}Date`, message: t(`entry.problems.${field}.date`) };
  if (time === '') return date;
  if (!TIME.test(time)) return { path: `${field}Time`, message: t(`entry.problems.${field}.time`) };
  const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
  if (!local.isValid) return { path: `${field}Date`, message: t(`entry.problems.${field}.real`) };
  return local.toISO({ suppressMilliseconds: true }) ?? date;
}

/** An exact time from what a London clock read, or what is missing ('date' or 'time'). */
export function exactWhen(date: string, time: string): IncidentWhen | Problem {
  if (!DATE.test(date)) return { path: 'date', message: t('entry.problems.date') };
  if (!TIME.test(time)) return { path: 'time', message: t('entry.problems.time') };
  const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
  if (!local.isValid) return { path: 'date', message: t('entry.problems.realDateTime') };
  return { precision: 'exact', at: local.toISO({ suppressMilliseconds: true }) ?? '' };
}

/** The time as the person gave it, or what is missing. Paths name the draft's fields ('date', 'fromTime' …). */
export function whenFromDraft(draft: EntryDraft): IncidentWhen | Problem {
  switch (draft.whenKind) {
    case 'exact':
      return exactWhen(draft.date, draft.time);
    case 'day':
      if (!DATE.test(draft.date)) return { path: 'date', message: t('entry.problems.day') };
      return { precision: 'day', date: draft.date };
    case 'range': {
      const from = boundFrom(draft.fromDate, draft.fromTime, 'from');
      if (typeof from !== 'string') return from;
      const to = boundFrom(draft.toDate, draft.toTime, 'to');
      if (typeof to !== 'string') return to;
      return { precision: 'range', from, to };
    }
  }
}

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

function methodsOf(draft: EntryDraft): MethodUse[] {
  return draft.methods.map((kind): MethodUse => {
    if (kind === 'social-media') return { kind, platform: draft.platform };
    if (kind === 'other') return optional(draft.otherMethod) === undefined ? { kind } : { kind, detail: draft.otherMethod };
    return { kind };
  });
}

function reportsOf(draft: EntryDraft): Report[] {
  return REPORT_TARGETS.filter((target) => draft.reports[target].made).map((to) => {
    const r = draft.reports[to];
    const name = to === 'police' ? undefined : optional(r.name);
    const crimeReference = to === 'police' ? optional(r.crimeReference) : undefined;
    const officerName = to === 'police' ? optional(r.officerName) : undefined;
    const date = optional(r.date);
    return {
      to,
      ...(name === undefined ? {} : { name }),
      ...(crimeReference === undefined ? {} : { crimeReference }),
      ...(officerName === undefined ? {} : { officerName }),
      ...(date === undefined ? {} : { date }),
    };
  });
}

export type DraftResult = { ok: true; incident: Incident } | { ok: false; problems: Problem[] };

/** The incident the draft describes, checked by the domain schema; a finished guided entry is not a quick note. */
export function incidentFromDraft(draft: EntryDraft, extraAttachments: readonly Attachment[] = []): DraftResult {
  const when = whenFromDraft(draft);
  if ('message' in when) return { ok: false, problems: [{ path: `when.${when.path}`, message: when.message }] };
  const otherChange = optional(draft.otherChange);
  const notes = optional(draft.feelings);
  const incident: Incident = {
    kind: 'incident',
    schemaVersion: 1,
    id: draft.id,
    when,
    where: draft.where,
    ...(draft.placeId ? { placeId: draft.placeId } : {}),
    whatHappened: draft.whatHappened,
    behaviours: [...draft.behaviours],
    methods: methodsOf(draft),
    people: [...draft.people],
    effects: {
      fearOfViolence: draft.fearOfViolence,
      alarmOrDistress: draft.alarmOrDistress,
      dailyLifeChanges: [...draft.dailyLifeChanges],
      ...(otherChange === undefined ? {} : { otherChange }),
      ...(notes === undefined ? {} : { notes }),
    },
    reports: reportsOf(draft),
    attachments: [...draft.attachments, ...extraAttachments],
    quickNote: false,
    ...(draft.imported ? { imported: draft.imported } : {}),
  };
  const parsed = parseIncident(incident);
  return parsed.ok ? { ok: true, incident: parsed.value } : { ok: false, problems: parsed.problems };
}

/** The guided form's steps, one topic each, and the parts of an incident each one fills in. */
export const ENTRY_STEPS = [
  { id: 'when', title: 'When did it happen?', paths: ['when'] },
  { id: 'where', title: 'Where did it happen?', paths: ['where', 'placeId'] },
  { id: 'what', title: 'What happened?', paths: ['whatHappened'] },
  { id: 'behaviours', title: 'What did they do?', paths: ['behaviours'] },
  { id: 'how', title: 'How did they do it?', paths: ['methods'] },
  { id: 'people', title: 'Who was involved, and who saw it?', paths: ['people'] },
  { id: 'effects', title: 'How did it affect you?', paths: ['effects'] },
  { id: 'reported', title: 'Did you report it?', paths: ['reports'] },
  { id: 'files', title: 'Photos, screenshots and files', paths: ['attachments'] },
] as const;
export type EntryStepId = (typeof ENTRY_STEPS)[number]['id'];

export function stepOfProblem(problem: Problem): EntryStepId {
  const top = problem.path.split('.')[0] ?? '';
  return ENTRY_STEPS.find((step) => (step.paths as readonly string[]).includes(top))?.id ?? 'what';
}

/** The problems a step must fix before the person moves on. */
export function problemsForStep(draft: EntryDraft, step: EntryStepId): Problem[] {
  const result = incidentFromDraft(draft);
  return result.ok ? [] : result.problems.filter((problem) => stepOfProblem(problem) === step);
}

/** The id of the field a problem belongs to, for the error summary's link. */
export function fieldOfProblem(problem: Problem): string {
  const [top, second, third] = problem.path.split('.');
  switch (top) {
    case 'when':
      if (second === 'from' || second === 'to') return `when-${second}-date`;
      if (second === undefined || second === 'precision' || second === 'at') return 'when-date';
      return `when-${second.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    case 'where':
      return 'where';
    case 'placeId':
      return 'place';
    case 'whatHappened':
      return 'what-happened';
    case 'behaviours':
      return 'behaviour-0';
    case 'methods':
      return third === 'platform' ? 'method-platform' : third === 'detail' ? 'method-other' : 'method-0';
    case 'people':
      return 'people';
    case 'effects':
      return second === 'otherChange' ? 'other-change' : second === 'notes' ? 'feelings' : 'fear';
    case 'reports':
      return third === 'crimeReference' ? 'report-police-reference' : third === 'officerName' ? 'report-police-officer' : 'report-police';
    case 'attachments':
      return 'files';
    default:
      return 'what-happened';
  }
}
