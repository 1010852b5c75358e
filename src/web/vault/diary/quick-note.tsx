// A quick note: what happened, and when (now, unless the person says otherwise). Saved in seconds and
// completed later in the guided form.
import { useState } from 'preact/hooks';
import { LIMITS, newQuickNote, parseIncident } from '../../../domain/incidents/index.ts';
import { LOCALE, t } from '../i18n/i18n.ts';
import { problemMessage } from '../i18n/problems.ts';
import { newItemId } from '../items/item-store.ts';
import { DateTimeFields, Radios } from '../ui/choices.tsx';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, Textarea } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import type { Diary } from './diary.ts';
import { exactWhen, londonClock } from './entry-draft.ts';

export function QuickNoteScreen({ diary }: { diary: Diary }) {
  const [text, setText] = useState('');
  const [timing, setTiming] = useState<'now' | 'earlier'>('now');
  const [clock, setClock] = useState(() => londonClock(Date.now()));
  const form = useFormAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const now = Date.now();
    const id = newItemId();
    let note = newQuickNote(id, text, now);
    const problems: FieldError[] = [];
    if (timing === 'earlier') {
      const when = exactWhen(clock.date, clock.time);
      if ('message' in when) problems.push({ href: `#quick-${when.path}`, text: when.message });
      else note = { ...note, when };
    }
    if (text.trim() === '') problems.push({ href: '#quick-text', text: t('quickNote.writeSomething') });
    const parsed = parseIncident(note);
    if (problems.length === 0 && !parsed.ok)
      problems.push(
        ...parsed.problems.map((p) => ({ href: p.path.startsWith('when') ? '#quick-date' : '#quick-text', text: problemMessage(p) })),
      );
    const saved = await form.run({
      check: () => problems,
      busy: t('entry.saving'),
      failureField: 'quick-text',
      failure: t('quickNote.failed'),
      work: () => diary.save(note, undefined),
    });
    if (saved) diary.nav.replace({ name: 'timeline' });
  };

  return (
    <div class="govuk-grid-row">
      <form class="govuk-grid-column-two-thirds" onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} />
        <Heading>{t('timeline.quickNote')}</Heading>
        <Textarea
          id="quick-text"
          label={t('entry.steps.what')}
          labelClass="govuk-label--s"
          hint={t('quickNote.hint')}
          value={text}
          onInput={setText}
          error={errorFor(form.errors, 'quick-text')}
          rows={4}
        />
        <Radios
          id="quick-when"
          legend={t('quickNote.when')}
          legendSize="s"
          small
          value={timing}
          onChange={setTiming}
          choices={[
            { value: 'now', label: t('quickNote.now') },
            {
              value: 'earlier',
              label: t('quickNote.earlier'),
              reveal: (
                <DateTimeFields
                  id="quick"
                  legend={t('quickNote.whenItHappened')}
                  date={clock.date}
                  time={clock.time}
                  onDate={(date) => setClock({ ...clock, date })}
                  onTime={(time) => setClock({ ...clock, time })}
                  dateError={errorFor(form.errors, 'quick-date')}
                  timeError={errorFor(form.errors, 'quick-time')}
                />
              ),
            },
          ]}
        />
        <p class="govuk-body-s">{t('quickNote.limit', { maximum: LIMITS.whatHappened.toLocaleString(LOCALE) })}</p>
        {form.busy ? (
          <Busy>{form.busy}</Busy>
        ) : (
          <div class="govuk-button-group">
            <Button type="submit">{t('quickNote.save')}</Button>
            <LinkButton onClick={() => diary.nav.back()}>{t('common.cancel')}</LinkButton>
          </div>
        )}
      </form>
    </div>
  );
}
