// The guided entry's "who was involved" step: people already saved, and adding someone new.
import { useState } from 'preact/hooks';
import type { PersonRole } from '../../../domain/incidents/index.ts';
import { LIMITS, newPerson, PERSON_ROLES } from '../../../domain/incidents/index.ts';
import { t } from '../i18n/i18n.ts';
import { roleLabel } from '../i18n/vocabulary.ts';
import { newItemId } from '../items/item-store.ts';
import { Checkboxes, Select } from '../ui/choices.tsx';
import { errorFor, TextInput } from '../ui/components.tsx';
import type { StepProps } from './entry-steps.tsx';

export function PeopleStep({ draft, update, people, addPerson, errors }: StepProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('stalker');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const linked = new Map(draft.people.map((link) => [link.personId, link.role]));
  return (
    <>
      {people.length > 0 ? (
        <Checkboxes
          id="people"
          legend={t('entry.people.saved')}
          legendSize="s"
          hint={t('entry.people.savedHint')}
          error={errorFor(errors, 'people')}
          selected={people.filter((p) => linked.has(p.id)).map((p) => p.id)}
          onChange={(chosen) =>
            update({
              people: chosen.map((personId) => ({
                personId,
                role: linked.get(personId) ?? people.find((p) => p.id === personId)?.role ?? 'other',
              })),
            })
          }
          choices={people.map((person) => ({
            value: person.id,
            label: person.name,
            hint: person.relationship,
            reveal: (
              <Select<PersonRole>
                id={`role-${person.id}`}
                label={t('entry.people.partThisTime', { name: person.name })}
                value={linked.get(person.id) ?? person.role}
                onChange={(chosen) =>
                  update({ people: draft.people.map((link) => (link.personId === person.id ? { ...link, role: chosen } : link)) })
                }
                choices={PERSON_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
              />
            ),
          }))}
        />
      ) : (
        <p class="govuk-body">{t('entry.people.none')}</p>
      )}
      <div class="casebook-diary-add-person">
        <h2 class="govuk-heading-s">{t('entry.people.addHeading')}</h2>
        <TextInput
          id="new-person-name"
          label={t('entry.people.name')}
          hint={t('entry.people.nameHint')}
          value={name}
          onInput={setName}
          error={problem}
          spellcheck
        />
        <Select<PersonRole>
          id="new-person-role"
          label={t('entry.people.part')}
          value={role}
          onChange={setRole}
          choices={PERSON_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          onClick={() => {
            if (name.trim() === '') return setProblem(t('entry.people.enterName'));
            if (name.length > LIMITS.shortText) return setProblem(t('entry.people.nameTooLong', { maximum: LIMITS.shortText }));
            setProblem(undefined);
            addPerson(newPerson(newItemId(), name.trim(), role));
            setName('');
          }}
        >
          {t('entry.people.add')}
        </button>
      </div>
    </>
  );
}
