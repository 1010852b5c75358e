import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../crypto/index.ts';
import { newPerson, newPlace } from '../../../domain/incidents/index.ts';
import { person, sketch } from '../../../domain/incidents/test-support.ts';
import type { StoredItem } from '../items/item-store.ts';
import { describeChanges } from './changes.ts';
import { peopleByName, recordsFrom, withItem } from './records.ts';

const receipt = { timestamp: 1 } as unknown as Receipt;
const stored = <T>(content: T, version = 1, id = (content as { id?: string }).id ?? 'n1'): StoredItem<T> => ({
  id,
  version,
  content,
  receipt,
  receiptChecked: false,
});

describe('the diary records', () => {
  it('sorts decrypted items by kind, and counts what this version cannot read', () => {
    const records = recordsFrom(
      [
        stored(sketch({ id: 'e1' })),
        stored(person('p1', 'Sam')),
        stored(newPlace('pl1', 'Work')),
        stored({ type: 'note', v: 1, text: 'hi', writtenAt: '2026-01-01T00:00:00Z', attachments: [] }, 1, 'n1'),
        stored({ kind: 'incident', schemaVersion: 2, id: 'future' }),
        stored({ something: 'else' }, 1, 'x'),
      ],
      1,
    );
    expect([...records.incidents.keys()]).toEqual(['e1']);
    expect([...records.people.keys()]).toEqual(['p1']);
    expect([...records.places.keys()]).toEqual(['pl1']);
    expect([...records.notes.keys()]).toEqual(['n1']);
    expect(records.unreadable).toBe(3);
  });

  it('replaces an item with a newer version, never an older one', () => {
    const first = recordsFrom([stored(sketch({ id: 'e1', what: 'first' }), 2)]);
    const newer = withItem(first, stored(sketch({ id: 'e1', what: 'second' }), 3));
    expect(newer.incidents.get('e1')?.content.whatHappened).toBe('second');
    expect(first.incidents.get('e1')?.content.whatHappened).toBe('first');
    expect(withItem(newer, stored(sketch({ id: 'e1', what: 'stale' }), 1))).toBe(newer);
    expect(withItem(newer, stored({ rubbish: true }, 1, 'z'))).toBe(newer);
  });

  it('lists people by name', () => {
    const records = recordsFrom([stored(newPerson('b', 'Zoe', 'witness')), stored(newPerson('a', 'alex', 'stalker'))]);
    expect(peopleByName(records).map((p) => p.name)).toEqual(['alex', 'Zoe']);
  });
});

describe('what changed between versions', () => {
  it('names the parts that changed, and a completed quick note', () => {
    const note = { ...sketch({ id: 'e1', on: '2026-03-03', at: '18:30', what: 'bus stop' }), quickNote: true };
    expect(describeChanges(undefined, note)).toEqual(['Saved as a quick note']);
    const done = { ...note, quickNote: false, behaviours: ['loitering' as const], where: 'Bus stop' };
    expect(describeChanges(note, done)).toEqual(['Completed the quick note', 'Changed where and what they did']);
    const moved = { ...done, when: { precision: 'day' as const, date: '2026-03-02' } };
    expect(describeChanges(done, moved)).toEqual(['Changed when it happened', 'Time now reads: Around Monday 2 March 2026']);
    expect(describeChanges(moved, moved)).toEqual(['Saved again with no changes']);
    expect(describeChanges(undefined, done)).toEqual(['First saved']);
  });
});
