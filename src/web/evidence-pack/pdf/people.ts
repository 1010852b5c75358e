// The people and places the entries name, each described once (an officer reads the description of the person
// and their car here, not in every entry).
import { PERSON_ROLE_LABELS } from '../../../domain/incidents/index.ts';
import type { Flow } from './flow.ts';
import { field, gap, H3, heading, paragraph, SMALL, section } from './flow.ts';
import type { Model } from './model.ts';

export const PEOPLE_HEADING = 'People and places named';

export function drawPeopleAndPlaces(flow: Flow, model: Model): void {
  if (model.people.size === 0 && model.places.size === 0) return;
  section(flow, PEOPLE_HEADING);
  paragraph(flow, 'As the person who made this pack describes them. Each entry says what part they had that time.', SMALL);
  gap(flow, 8);
  for (const person of model.people.values()) {
    heading(flow, person.name, H3, 2, 30);
    field(flow, 'Usual role', PERSON_ROLE_LABELS[person.role]);
    if (person.relationship) field(flow, 'How they are known', person.relationship);
    if (person.aliases.length > 0) field(flow, 'Other names and accounts', person.aliases.join('\n'));
    if (person.description) field(flow, 'Description', person.description);
    if (person.contact) field(flow, 'Contact', person.contact);
    gap(flow, 6);
  }
  for (const place of model.places.values()) {
    heading(flow, place.name, H3, 2, 30);
    field(flow, 'Address', place.address ?? '');
    if (place.notes) field(flow, 'Notes', place.notes);
    gap(flow, 6);
  }
}
