// The people and places the entries name, each described once (an officer reads the description of the person
// and their car here, not in every entry).

import type { Flow } from './flow.ts';
import { field, gap, H3, heading, paragraph, SMALL, section } from './flow.ts';
import type { Model } from './model.ts';

export function drawPeopleAndPlaces(flow: Flow, model: Model): void {
  if (model.people.size === 0 && model.places.size === 0) return;
  const w = flow.words;
  section(flow, w.say('people.heading'));
  paragraph(flow, w.say('people.intro'), SMALL);
  gap(flow, 8);
  for (const person of model.people.values()) {
    heading(flow, person.name, H3, 2, 30);
    field(flow, w.say('people.role'), w.labels.role(person.role));
    if (person.relationship) field(flow, w.say('people.relationship'), person.relationship);
    if (person.aliases.length > 0) field(flow, w.say('people.aliases'), person.aliases.join('\n'));
    if (person.description) field(flow, w.say('people.description'), person.description);
    if (person.contact) field(flow, w.say('people.contact'), person.contact);
    gap(flow, 6);
  }
  for (const place of model.places.values()) {
    heading(flow, place.name, H3, 2, 30);
    field(flow, w.say('people.address'), place.address ?? '');
    if (place.notes) field(flow, w.say('people.notes'), place.notes);
    gap(flow, 6);
  }
}
