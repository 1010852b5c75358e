// People and places: reusable, encrypted records that entries link to (the person stalking, witnesses,
// officers; home, work). Editing one saves a new version, like an entry.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ParseResult, Person, PersonRole, Place, Problem } from '../../../domain/incidents/index.ts';
import { LIMITS, newPerson, newPlace, PERSON_ROLES, parsePerson, parsePlace } from '../../../domain/incidents/index.ts';
import { plural, t } from '../i18n/i18n.ts';
import { problemMessage } from '../i18n/problems.ts';
import { roleLabel } from '../i18n/vocabulary.ts';
import type { StoredItem } from '../items/item-store.ts';
import { newItemId } from '../items/item-store.ts';
import { Radios } from '../ui/choices.tsx';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, Textarea, TextInput } from '../ui/components.tsx';
import type { FormAction } from '../ui/form-action.ts';
import { useFormAction } from '../ui/form-action.ts';
import type { Diary } from './diary.ts';
import { peopleByName, placesByName } from './records.ts';

function countEntries(diary: Diary, test: (incident: { people: readonly { personId: string }[]; placeId?: string }) => boolean): number {
  let count = 0;
  for (const item of diary.records.incidents.values()) if (test(item.content)) count += 1;
  return count;
}

const entryCount = (n: number) => plural('pack.entryCount', n);

export function PeopleScreen({ diary }: { diary: Diary }) {
  return (
    <RecordList
      title={t('diary.menu.people')}
      intro={t('records.peopleIntro')}
      add={t('records.addPerson')}
      empty={t('records.noPeople')}
      onAdd={() => diary.nav.go({ name: 'person-form' })}
      rows={peopleByName(diary.records).map((person) => ({
        id: person.id,
        name: person.name,
        about: [
          roleLabel(person.role),
          person.relationship,
          entryCount(countEntries(diary, (i) => i.people.some((link) => link.personId === person.id))),
        ]
          .filter(Boolean)
          .join(' · '),
        open: () => diary.nav.go({ name: 'person-form', id: person.id }),
      }))}
    />
  );
}

export function PlacesScreen({ diary }: { diary: Diary }) {
  return (
    <RecordList
      title={t('diary.menu.places')}
      intro={t('records.placesIntro')}
      add={t('records.addPlace')}
      empty={t('records.noPlaces')}
      onAdd={() => diary.nav.go({ name: 'place-form' })}
      rows={placesByName(diary.records).map((place) => ({
        id: place.id,
        name: place.name,
        about: entryCount(countEntries(diary, (i) => i.placeId === place.id)),
        open: () => diary.nav.go({ name: 'place-form', id: place.id }),
      }))}
    />
  );
}

function RecordList({
  title,
  intro,
  add,
  empty,
  onAdd,
  rows,
}: {
  title: string;
  intro: string;
  add: string;
  empty: string;
  onAdd: () => void;
  rows: readonly { id: string; name: string; about: string; open: () => void }[];
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Heading>{title}</Heading>
        <p class="govuk-body">{intro}</p>
        <Button onClick={onAdd}>{add}</Button>
        {rows.length === 0 ? (
          <p class="govuk-body">{empty}</p>
        ) : (
          <ul class="govuk-list casebook-diary-records">
            {rows.map((row) => (
              <li key={row.id} class="casebook-diary-records__item">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <button type="button" class="casebook-vault__link-button govuk-link" onClick={row.open}>
                    {row.name}
                  </button>
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

const FIELD: Readonly<Record<string, string>> = {
  name: 'name',
  role: 'role',
  relationship: 'relationship',
  aliases: 'aliases',
  description: 'description',
  contact: 'contact',
  address: 'address',
  notes: 'notes',
};
const errorsOf = (problems: readonly Problem[]): FieldError[] =>
  problems.map((p) => ({ href: `#${FIELD[p.path.split('.')[0] ?? ''] ?? 'name'}`, text: problemMessage(p) }));

const optional = (value: string) => (value.trim() === '' ? {} : { value });

/** Checks a person or place with its schema, saves it as a new version, and goes back to its list. */
function useSaveRecord<T extends Person | Place>(
  diary: Diary,
  previous: StoredItem<T> | undefined,
  parse: (value: T) => ParseResult<T>,
  list: 'people' | 'places',
) {
  const form = useFormAction();
  const save = async (record: T) => {
    const saved = await form.run({
      check: () => {
        const parsed = parse(record);
        return parsed.ok ? [] : errorsOf(parsed.problems);
      },
      busy: t('entry.saving'),
      failureField: 'name',
      failure: t(`records.saveFailed.${list}`),
      work: () => diary.save(record, previous),
    });
    if (saved) diary.nav.replace({ name: list });
  };
  return { form, save };
}

function RecordFormShell({
  diary,
  form,
  title,
  onSubmit,
  children,
}: {
  diary: Diary;
  form: FormAction;
  title: string;
  onSubmit: () => void;
  children: ComponentChildren;
}) {
  return (
    <div class="govuk-grid-row">
      <form
        class="govuk-grid-column-two-thirds"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <button type="button" class="govuk-back-link casebook-diary-back" onClick={() => diary.nav.back()}>
          {t('common.back')}
        </button>
        <ErrorSummary errors={form.errors} />
        <Heading>{title}</Heading>
        {children}
        {form.busy ? (
          <Busy>{form.busy}</Busy>
        ) : (
          <div class="govuk-button-group">
            <Button type="submit">{t('records.save')}</Button>
            <LinkButton onClick={() => diary.nav.back()}>{t('common.cancel')}</LinkButton>
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
  const { form, save } = useSaveRecord(diary, previous, parsePerson, 'people');

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
      aliases: aliases
        .split('\n')
        .map((a) => a.trim())
        .filter((a) => a !== '')
        .slice(0, LIMITS.aliases + 1),
      ...(desc === undefined ? {} : { description: desc }),
      ...(con === undefined ? {} : { contact: con.trim() }),
      ...(toldToStop.trim() === '' ? {} : { toldToStopOn: toldToStop.trim() }),
    };
  };

  return (
    <RecordFormShell
      diary={diary}
      form={form}
      title={previous ? t('records.change', { name: previous.content.name }) : t('records.addPerson')}
      onSubmit={() => save(build())}
    >
      <TextInput
        id="name"
        label={t('records.personName')}
        value={name}
        onInput={setName}
        error={errorFor(form.errors, 'name')}
        spellcheck
      />
      <Radios
        id="role"
        legend={t('records.whoAreThey')}
        legendSize="s"
        value={role}
        onChange={setRole}
        error={errorFor(form.errors, 'role')}
        choices={PERSON_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
      />
      <TextInput
        id="relationship"
        label={t('records.relationship')}
        hint={t('records.relationshipHint')}
        value={relationship}
        onInput={setRelationship}
        error={errorFor(form.errors, 'relationship')}
        spellcheck
      />
      <Textarea
        id="aliases"
        label={t('records.aliases')}
        hint={t('records.aliasesHint')}
        value={aliases}
        onInput={setAliases}
        error={errorFor(form.errors, 'aliases')}
        rows={3}
      />
      <Textarea
        id="description"
        label={t('records.description')}
        value={description}
        onInput={setDescription}
        error={errorFor(form.errors, 'description')}
        rows={3}
      />
      <TextInput
        id="contact"
        label={t('records.contact')}
        hint={t('records.contactHint')}
        value={contact}
        onInput={setContact}
        error={errorFor(form.errors, 'contact')}
      />
      <TextInput
        id="told-to-stop"
        label={t('records.toldToStop')}
        hint={t('records.toldToStopHint')}
        value={toldToStop}
        onInput={setToldToStop}
        error={errorFor(form.errors, 'toldToStopOn')}
      />
    </RecordFormShell>
  );
}

export function PlaceForm({ diary, id }: { diary: Diary; id: string | undefined }) {
  const previous = id ? diary.records.places.get(id) : undefined;
  const start = previous?.content ?? newPlace(newItemId(), '');
  const [name, setName] = useState(start.name);
  const [address, setAddress] = useState(start.address ?? '');
  const [notes, setNotes] = useState(start.notes ?? '');
  const { form, save } = useSaveRecord(diary, previous, parsePlace, 'places');

  const build = (): Place => ({
    kind: 'place',
    schemaVersion: 1,
    id: start.id,
    name: name.trim(),
    ...(address.trim() === '' ? {} : { address }),
    ...(notes.trim() === '' ? {} : { notes }),
  });

  return (
    <RecordFormShell
      diary={diary}
      form={form}
      title={previous ? t('records.change', { name: previous.content.name }) : t('records.addPlace')}
      onSubmit={() => save(build())}
    >
      <TextInput
        id="name"
        label={t('problems.fields.name')}
        hint={t('records.placeNameHint')}
        value={name}
        onInput={setName}
        error={errorFor(form.errors, 'name')}
        spellcheck
      />
      <Textarea
        id="address"
        label={t('records.address')}
        value={address}
        onInput={setAddress}
        error={errorFor(form.errors, 'address')}
        rows={3}
      />
      <Textarea id="notes" label={t('records.notes')} value={notes} onInput={setNotes} error={errorFor(form.errors, 'notes')} rows={3} />
    </RecordFormShell>
  );
}
