// What changed from one version of an entry to the next, in words, for the history screen. Pure.
import { describeWhen } from '../../../domain/incidents/index.ts';
import type { Incident } from '../../../domain/incidents/index.ts';

const PARTS: readonly { label: string; of: (incident: Incident) => unknown }[] = [
  { label: 'when it happened', of: (i) => i.when },
  { label: 'where', of: (i) => [i.where, i.placeId ?? ''] },
  { label: 'what happened', of: (i) => i.whatHappened },
  { label: 'what they did', of: (i) => [...i.behaviours].sort() },
  { label: 'how they did it', of: (i) => i.methods },
  { label: 'who was involved', of: (i) => i.people },
  { label: 'how it affected you', of: (i) => i.effects },
  { label: 'reports', of: (i) => i.reports },
  { label: 'files', of: (i) => i.attachments.map((a) => a.sha256) },
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** e.g. ["Completed the quick note", "Changed what happened and files"]; the first version says "First saved". */
export function describeChanges(previous: Incident | undefined, next: Incident): string[] {
  if (!previous) return [next.quickNote ? 'Saved as a quick note' : 'First saved'];
  const lines: string[] = [];
  if (previous.quickNote && !next.quickNote) lines.push('Completed the quick note');
  const changed = PARTS.filter((part) => !same(part.of(previous), part.of(next))).map((part) => part.label);
  if (changed.length > 0) lines.push(`Changed ${listed(changed)}`);
  if (!same(previous.when, next.when)) lines.push(`Time now reads: ${describeWhen(next.when)}`);
  if (lines.length === 0) lines.push('Saved again with no changes');
  return lines;
}

function listed(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
