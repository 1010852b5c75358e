// What changed from one version of an entry to the next, in words, for the history screen. Pure.

import type { Incident } from '../../../domain/incidents/index.ts';
import { describeWhen } from '../i18n/dates.ts';
import { listOf, t } from '../i18n/i18n.ts';

const PARTS: readonly { label: () => string; of: (incident: Incident) => unknown }[] = [
  { label: () => t('entry.check.whenHidden'), of: (i) => i.when },
  { label: () => t('entry.check.whereHidden'), of: (i) => [i.where, i.placeId ?? ''] },
  { label: () => t('entry.check.whatHidden'), of: (i) => i.whatHappened },
  { label: () => t('entry.check.behavioursHidden'), of: (i) => [...i.behaviours].sort() },
  { label: () => t('entry.check.howHidden'), of: (i) => i.methods },
  { label: () => t('entry.check.peopleHidden'), of: (i) => i.people },
  { label: () => t('entry.check.effectsHidden'), of: (i) => i.effects },
  { label: () => t('history.reports'), of: (i) => i.reports },
  { label: () => t('entry.check.filesHidden'), of: (i) => i.attachments.map((a) => a.sha256) },
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** e.g. ["Completed the quick note", "Changed what happened and files"]; the first version says "First saved". */
export function describeChanges(previous: Incident | undefined, next: Incident): string[] {
  if (!previous) return [next.quickNote ? t('history.savedAsQuickNote') : t('history.firstSaved')];
  const lines: string[] = [];
  if (previous.quickNote && !next.quickNote) lines.push(t('history.completedQuickNote'));
  const changed = PARTS.filter((part) => !same(part.of(previous), part.of(next))).map((part) => part.label());
  if (changed.length > 0) lines.push(t('history.changed', { parts: listOf(changed) }));
  if (!same(previous.when, next.when)) lines.push(t('history.timeNow', { when: describeWhen(next.when) }));
  if (lines.length === 0) lines.push(t('history.noChanges'));
  return lines;
}
