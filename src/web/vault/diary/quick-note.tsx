// A quick note: what happened, and when (now, unless the person says otherwise). Saved in seconds and
// completed later in the guided form.
import { useState } from 'preact/hooks';
import { LIMITS, newQuickNote, parseIncident } from '../../../domain/incidents/index.ts';
import { newItemId } from '../items/item-store.ts';
import { DateTimeFields, Radios } from '../ui/choices.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, Textarea } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
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
    if (text.trim() === '') problems.push({ href: '#quick-text', text: 'Write what happened, even a few words' });
    const parsed = parseIncident(note);
    if (problems.length === 0 && !parsed.ok) problems.push(...parsed.problems.map((p) => ({ href: p.path.startsWith('when') ? '#quick-date' : '#quick-text', text: p.message })));
    const saved = await form.run({
      check: () => problems,
      busy: 'Encrypting and saving',
      failureField: 'quick-text',
      failure: 'Your note could not be saved. Try again.',
      work: () => diary.save(note, undefined),
    });
    if (saved) diary.nav.replace({ name: 'timeline' });
  };

  return (
    <div class="govuk-grid-row">
      <form class="govuk-grid-column-two-thirds" onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} />
        <Heading>Quick note</Heading>
        <Textarea id="quick-text" label="What happened?" labelClass="govuk-label--s" hint="A few words are enough. You can add details later." value={text} onInput={setText} error={errorFor(form.errors, 'quick-text')} rows={4} />
        <Radios
          id="quick-when"
          legend="When?"
          legendSize="s"
          small
          value={timing}
          onChange={setTiming}
          choices={[
            { value: 'now', label: 'Just now' },
            {
              value: 'earlier',
              label: 'Earlier',
              reveal: (
                <DateTimeFields id="quick" legend="When it happened" date={clock.date} time={clock.time} onDate={(date) => setClock({ ...clock, date })} onTime={(time) => setClock({ ...clock, time })} dateError={errorFor(form.errors, 'quick-date')} timeError={errorFor(form.errors, 'quick-time')} />
              ),
            },
          ]}
        />
        <p class="govuk-body-s">Up to {LIMITS.whatHappened.toLocaleString('en-GB')} characters. It is encrypted on this device before it is sent.</p>
        {form.busy ? <Busy>{form.busy}</Busy> : (
          <div class="govuk-button-group">
            <Button type="submit">Save quick note</Button>
            <LinkButton onClick={() => diary.nav.back()}>Cancel</LinkButton>
          </div>
        )}
      </form>
    </div>
  );
}
