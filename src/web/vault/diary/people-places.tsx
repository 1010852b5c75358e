// People and places: reusable, encrypted records that entries link to (the person stalking, witnesses,
// officers; home, work). Editing one saves a new version, like an entry.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS, PERSON_ROLE_LABELS, PERSON_ROLES, newPerson, newPlace, parsePerson, parsePlace } from '../../../domain/incidents/index.ts';
import type { ParseResult, Person, PersonRole, Place, Problem } from '../../../domain/incidents/index.ts';
import { newItemId } from '../items/item-store.ts';
import { Radios } from '../ui/choices.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, Textarea, TextInput } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import type { FormAction } from '../ui/form-action.ts';
import type { StoredItem } from '../items/item-store.ts';
import type { Diary } from './diary.ts';
import { peopleByName, placesByName } from './records.ts';

function countEntries(diary: Diary, test: (incident: { people: readonly { personId: string }[]; placeId?: string }) => boolean): number {
  let count = 0;
  for (const item of diary.records.incidents.values()) if (test(item.content)) count += 1;
  return count;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function PeopleScreen({ diary }: { diary: Diary }) {
  return (
    <RecordList
      title="People"
      intro="The person stalking or harassing you, people who saw what happened, and police officers. Save them once and choose them in each entry."
      add="Add a person"
      empty="You have not saved anyone yet."
      onAdd={() => diary.nav.go({ name: 'person-form' })}
      rows={peopleByName(diary.records).map((person) => ({
        id: person.id,
        name: person.name,
        about: `${PERSON_ROLE_LABELS[person.role]}${person.relationship ? ` · ${person.relationship}` : ''} · ${plural(countEntries(diary, (i) => i.people.some((link) => link.personId === person.id)), 'entry', 'entries')}`,
        open: () => diary.nav.go({ name: 'person-form', id: person.id }),
      }))}
    />
  );
}

export function PlacesScreen({ diary }: { diary: Diary }) {
  return (
    <RecordList
      title="Places"
      intro="Places where things keep happening, such as home, work or a station. Save them once and choose them in each entry."
      add="Add a place"
      empty="You have not saved any places yet."
      onAdd={() => diary.nav.go({ name: 'place-form' })}
      rows={placesByName(diary.records).map((place) => ({
        id: place.id,
        name: place.name,
        about: plural(countEntries(diary, (i) => i.placeId === place.id), 'entry', 'entries'),
        open: () => diary.nav.go({ name: 'place-form', id: place.id }),
      }))}
    />
  );
}

function RecordList({ title, intro, add, empty, onAdd, rows }: { title: string; intro: string; add: string; empty: string; onAdd: () => void; rows: readonly { id: string; name: string; about: string; open: () => void }[] }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Heading>{title}</Heading>
        <p class="govuk-body">{intro}</p>
        <Button onClick={onAdd}>{add}</Button>
        {rows.length === 0 ? <p class="govuk-body">{empty}</p> : (
          <ul class="govuk-list casebook-diary-records">
            {rows.map((row) => (
              <li key={row.id} class="casebook-diary-records__item">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <button type="button" class="casebook-vault__link-button govuk-link" onClick={row.open}>{row.name}</button>
                </h2>
                <p class="govuk-body-s govuk-!-margin-bottom-0">{row.about}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

const FIELD: Readonly<Record<string, string>> = { name: 'name', role: 'role', relationship: 'relationship', aliases: 'aliases', description: 'description', contact: 'contact', address: 'address', notes: 'notes' };
const errorsOf = (problems: readonly Problem[]): FieldError[] => problems.map((p) => ({ href: `#${FIELD[p.path.split('.')[0] ?? ''] ?? 'name'}`, text: p.message }));

const optional = (value: string) => (value.trim() === '' ? {} : { value });

/** Checks a person or place with its schema, saves it as a new version, and goes back to its list. */
function useSaveRecord<T extends Person | Place>(diary: Diary, previous: StoredItem<T> | undefined, parse: (value: T) => ParseResult<T>, list: 'people' | 'places', what: string) {
  const form = useFormAction();
  const save = async (record: T) => {
    const saved = await form.run({
      check: () => {
        const parsed = parse(record);
        return parsed.ok ? [] : errorsOf(parsed.problems);
      },
      busy: 'Encrypting and saving',
      failureField: 'name',
      failure: `${what} could not be saved. Try again.`,
      work: () => diary.save(record, previous),
    });
    if (saved) diary.nav.replace({ name: list });
  };
  return { form, save };
}

function RecordFormShell({ diary, form, title, onSubmit, children }: { diary: Diary; form: FormAction; title: string; onSubmit: () => void; children: ComponentChildren }) {
  return (
    <div class="govuk-grid-row">
      <form class="govuk-grid-column-two-thirds" onSubmit={(event) => { event.preventDefault(); onSubmit(); }} noValidate>
        <button type="button" class="govuk-back-link casebook-diary-back" onClick={() => diary.nav.back()}>Back</button>
        <ErrorSummary errors={form.errors} />
        <Heading>{title}</Heading>
        {children}
        {form.busy ? <Busy>{form.busy}</Busy> : (
          <div class="govuk-button-group">
            <Button type="submit">Save</Button>
            <LinkButton onClick={() => diary.nav.back()}>Cancel</LinkButton>
          </div>
        )}
      </form>
    </div>
  );
}

export function PersonForm({ diary, id }: { diary: Diary; id: string | undefined }) {
  const previous = id ? diary.records.people.get(id) : undefined;
  const start = previous?.content ?? newPerson(newItemId(), '', 'stalker');
  const [name, setName] = useState(start.name);
  const [role, setRole] = useState<PersonRole>(start.role);
  const [relationship, setRelationship] = useState(start.relationship ?? '');
  const [aliases, setAliases] = useState(start.aliases.join('\n'));
  const [description, setDescription] = useState(start.description ?? '');
  const [contact, setContact] = useState(start.contact ?? '');
  const [toldToStop, setToldToStop] = useState(start.toldToStopOn ?? '');
  const { form, save } = useSaveRecord(diary, previous, parsePerson, 'people', 'This person');

  const build = (): Person => {
    const rel = optional(relationship).value;
    const desc = optional(description).value;
    const con = optional(contact).value;
    return {
      kind: 'person',
      schemaVersion: 1,
      id: start.id,
      name: name.trim(),
      role,
      ...(rel === undefined ? {} : { relationship: rel.trim() }),
      aliases: aliases.split('\n').map((a) => a.trim()).filter((a) => a !== '').slice(0, LIMITS.aliases + 1),
      ...(desc === undefined ? {} : { description: desc }),
      ...(con === undefined ? {} : { contact: con.trim() }),
      ...(toldToStop.trim() === '' ? {} : { toldToStopOn: toldToStop.trim() }),
    };
  };

  return (
    <RecordFormShell diary={diary} form={form} title={previous ? `Change ${previous.content.name}` : 'Add a person'} onSubmit={() => save(build())}>
      <TextInput id="name" label="Name, or how you describe them" value={name} onInput={setName} error={errorFor(form.errors, 'name')} spellcheck />
      <Radios id="role" legend="Who are they?" legendSize="s" value={role} onChange={setRole} error={errorFor(form.errors, 'role')} choices={PERSON_ROLES.map((r) => ({ value: r, label: PERSON_ROLE_LABELS[r] }))} />
      <TextInput id="relationship" label="How you know them (optional)" hint="For example: ex-partner, neighbour, colleague, or PC 1234." value={relationship} onInput={setRelationship} error={errorFor(form.errors, 'relationship')} spellcheck />
      <Textarea id="aliases" label="Other names, usernames or accounts they use (optional)" hint="One on each line. Searching finds these too." value={aliases} onInput={setAliases} error={errorFor(form.errors, 'aliases')} rows={3} />
      <Textarea id="description" label="What they look like, their car, or anything that identifies them (optional)" value={description} onInput={setDescription} error={errorFor(form.errors, 'description')} rows={3} />
      <TextInput id="contact" label="How to contact them (optional)" hint="For a witness or an officer." value={contact} onInput={setContact} error={errorFor(form.errors, 'contact')} />
      <TextInput id="told-to-stop" label="When you told them to stop contacting you (optional)" hint="The date, for example 2026-02-20. Messages and calls after it are counted in Patterns and What the law needs." value={toldToStop} onInput={setToldToStop} error={errorFor(form.errors, 'toldToStopOn')} />
    </RecordFormShell>
  );
}

export function PlaceForm({ diary, id }: { diary: Diary; id: string | undefined }) {
  const previous = id ? diary.records.places.get(id) : undefined;
  const start = previous?.content ?? newPlace(newItemId(), '');
  const [name, setName] = useState(start.name);
  const [address, setAddress] = useState(start.address ?? '');
  const [notes, setNotes] = useState(start.notes ?? '');
  const { form, save } = useSaveRecord(diary, previous, parsePlace, 'places', 'This place');

  const build = (): Place => ({
    kind: 'place',
    schemaVersion: 1,
    id: start.id,
    name: name.trim(),
    ...(address.trim() === '' ? {} : { address }),
    ...(notes.trim() === '' ? {} : { notes }),
  });

  return (
    <RecordFormShell diary={diary} form={form} title={previous ? `Change ${previous.content.name}` : 'Add a place'} onSubmit={() => save(build())}>
      <TextInput id="name" label="Name" hint="For example: Home, Work, or Leeds station." value={name} onInput={setName} error={errorFor(form.errors, 'name')} spellcheck />
      <Textarea id="address" label="Address or description (optional)" value={address} onInput={setAddress} error={errorFor(form.errors, 'address')} rows={3} />
      <Textarea id="notes" label="Notes (optional)" value={notes} onInput={setNotes} error={errorFor(form.errors, 'notes')} rows={3} />
    </RecordFormShell>
  );
}
