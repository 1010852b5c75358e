// The helpline's queue: conversations by state, one open beside the list, live. The team key is unlocked once per
// page (src/web/staff) and kept in memory only; every message, note and reason is decrypted here and nowhere else.
import { useEffect, useState } from 'preact/hooks';
import type { TeamKeys } from '../../../crypto/team-keys.ts';
import { AttachmentLink } from '../../talk/attachment-link.tsx';
import { Busy, Button, ErrorSummary, type FieldError, Textarea } from '../../vault/ui/components.tsx';
import { UnlockTeamKeys } from '../index.ts';
import {
  addNote,
  addReferral,
  addSavedReply,
  assign,
  deleteSavedReply,
  fetchConversation,
  fetchQueue,
  fetchSavedReplies,
  type OpenedDetail,
  type QueueAnswer,
  type QueueView,
  type SavedReply,
  sendReply,
  setRisk,
  setStatus,
} from './queue-api.ts';

const VIEWS: readonly { id: QueueView; label: string }[] = [
  { id: 'new', label: 'New' },
  { id: 'mine', label: 'Assigned to me' },
  { id: 'waiting', label: 'Waiting for the person' },
  { id: 'closed', label: 'Closed' },
];

export const AGENCIES: readonly { id: string; label: string }[] = [
  { id: 'paladin', label: 'Paladin (National Stalking Advocacy Service)' },
  { id: 'police', label: 'Police' },
  { id: 'idva', label: 'Independent domestic violence adviser (IDVA)' },
  { id: 'mash', label: 'Multi-agency safeguarding hub (MASH)' },
  { id: 'national-stalking-helpline', label: 'National Stalking Helpline (phone)' },
  { id: 'other', label: 'Other' },
];

const STATUS_LABEL = { new: 'New', open: 'Needs a reply', waiting: 'Waiting for the person', closed: 'Closed' } as const;
/** The language the person wrote in. The workspace is English; the language's own name helps a Welsh-speaking caseworker. */
const LANGUAGE_LABEL = { en: 'English', cy: 'Welsh (Cymraeg)' } as const;
const format = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const when = (ms: number | null) => (ms === null ? '–' : format.format(new Date(ms)));
const short = (id: string) => id.slice(0, 8);
const problem = (error: unknown) => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

export function QueueApp() {
  const [keys, setKeys] = useState<TeamKeys | undefined>();
  if (!keys) return <UnlockTeamKeys onUnlocked={setKeys} />;
  return <Queue keys={keys} />;
}

function Queue({ keys }: { keys: TeamKeys }) {
  const [view, setView] = useState<QueueView>('new');
  const [queue, setQueue] = useState<QueueAnswer | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [detail, setDetail] = useState<OpenedDetail | undefined>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [live, setLive] = useState('');

  const loadQueue = async (v = view) => setQueue(await fetchQueue(v));
  const loadDetail = async (id = selected) => setDetail(id ? await fetchConversation(id, keys) : undefined);
  const act = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      setErrors([]);
      if (done) setLive(done);
      await Promise.all([loadQueue(), loadDetail()]);
    } catch (error) {
      setErrors([{ href: '#queue-detail', text: problem(error) }]);
    }
  };

  useEffect(() => void loadQueue(view).catch((e) => setErrors([{ href: '#queue-list', text: problem(e) }])), [view]);
  useEffect(() => void loadDetail(selected).catch((e) => setErrors([{ href: '#queue-detail', text: problem(e) }])), [selected]);

  // Live updates from any server process: the bus says which conversation changed; this page reloads what it shows.
  useEffect(() => {
    const source = new EventSource('/staff/queue/events');
    const onChange = (event: MessageEvent<string>) => {
      const { id } = JSON.parse(event.data) as { id?: string };
      void loadQueue();
      if (!id || id === selected) void loadDetail();
      setLive('The queue has been updated.');
    };
    source.addEventListener('conversation', onChange);
    source.addEventListener('refresh', onChange);
    return () => source.close();
  }, [view, selected]);

  return (
    <div>
      <ErrorSummary errors={errors} />
      <div role="status" class="govuk-visually-hidden">
        {live}
      </div>
      <div class="casebook-queue__layout">
        <section id="queue-list" aria-labelledby="queue-list-heading">
          <h2 class="govuk-heading-m" id="queue-list-heading">
            Queue
          </h2>
          <ul class="govuk-list" aria-label="Views">
            {VIEWS.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  class="casebook-vault__link-button"
                  aria-pressed={v.id === view}
                  onClick={() => setView(v.id)}
                  data-view={v.id}
                >
                  {v.label} ({queue?.counts[v.id] ?? 0})
                </button>
              </li>
            ))}
          </ul>
          <h3 class="govuk-heading-s">{VIEWS.find((v) => v.id === view)?.label}</h3>
          {!queue ? (
            <Busy>Loading…</Busy>
          ) : queue.conversations.length === 0 ? (
            <p class="govuk-body">Nothing here.</p>
          ) : (
            <ul class="govuk-list" data-queue-list>
              {queue.conversations.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    class="casebook-queue__item"
                    aria-current={c.id === selected}
                    onClick={() => setSelected(c.id)}
                    data-conversation={c.id}
                  >
                    <strong>Conversation {short(c.id)}</strong>
                    {c.riskLevel ? (
                      <strong class={`govuk-tag govuk-tag--${c.riskLevel === 'high' ? 'red' : 'orange'}`}>
                        {' '}
                        {c.riskLevel === 'high' ? 'High risk' : 'Risk raised'}
                      </strong>
                    ) : null}
                    <br />
                    {STATUS_LABEL[c.status]} · last from the person {when(c.lastPersonAt)}
                    {c.language === 'cy' ? (
                      <>
                        {' '}
                        · <span data-queue-language>{LANGUAGE_LABEL.cy}</span>
                      </>
                    ) : null}
                    <br />
                    {c.assignedTo
                      ? `With ${queue.team.find((m) => m.id === c.assignedTo)?.displayName ?? 'a former member'}`
                      : 'Not assigned'}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <SavedReplies />
        </section>
        <section id="queue-detail" tabIndex={-1} aria-label="Conversation">
          {!selected ? (
            <p class="govuk-body">Choose a conversation.</p>
          ) : !detail ? (
            <Busy>Opening…</Busy>
          ) : (
            <Detail detail={detail} keys={keys} queue={queue} act={act} />
          )}
        </section>
      </div>
    </div>
  );
}

function Detail({
  detail,
  keys,
  queue,
  act,
}: {
  detail: OpenedDetail;
  keys: TeamKeys;
  queue: QueueAnswer | undefined;
  act: (action: () => Promise<unknown>, done?: string) => Promise<void>;
}) {
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [handTo, setHandTo] = useState('');
  const [agency, setAgency] = useState('paladin');
  const [referralReason, setReferralReason] = useState('');
  const [riskLevel, setRiskLevel] = useState<'none' | 'raised' | 'high'>(detail.riskLevel ?? 'none');
  const [riskReason, setRiskReason] = useState(detail.riskReason ?? '');
  const [saved, setSaved] = useState<SavedReply[]>([]);
  useEffect(() => void fetchSavedReplies().then(setSaved), [detail.id]);
  const me = queue?.me;
  const name = (id: string | null) =>
    id === null ? 'nobody' : id === me ? 'you' : (queue?.team.find((m) => m.id === id)?.displayName ?? 'a former member');
  const keyIsCurrent = detail.currentTeamKeyVersion === keys.version;

  return (
    <div data-detail={detail.id}>
      <h2 class="govuk-heading-m">Conversation {short(detail.id)}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">State</dt>
          <dd class="govuk-summary-list__value">{STATUS_LABEL[detail.status]}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Assigned to</dt>
          <dd class="govuk-summary-list__value">{name(detail.assignedTo)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Language</dt>
          <dd class="govuk-summary-list__value" data-conversation-language>
            {LANGUAGE_LABEL[detail.language]}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Started</dt>
          <dd class="govuk-summary-list__value">{when(detail.createdAt)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Risk</dt>
          <dd class="govuk-summary-list__value">
            {detail.riskLevel
              ? `${detail.riskLevel === 'high' ? 'High' : 'Raised'}: ${detail.riskReason ?? '(reason cannot be opened)'}`
              : 'No flag'}
          </dd>
        </div>
      </dl>
      <div class="govuk-button-group">
        {detail.assignedTo !== me && me ? (
          <Button onClick={() => void act(() => assign(detail.id, me), 'Assigned to you.')}>Take this conversation</Button>
        ) : null}
        {detail.status !== 'closed' ? (
          <Button variant="secondary" onClick={() => void act(() => setStatus(detail.id, 'closed'), 'Closed.')}>
            Close
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => void act(() => setStatus(detail.id, 'open'), 'Reopened.')}>
            Reopen
          </Button>
        )}
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="queue-hand-to">
          Hand over to
        </label>
        <select class="govuk-select" id="queue-hand-to" value={handTo} onChange={(e) => setHandTo((e.target as HTMLSelectElement).value)}>
          <option value="">Choose a caseworker</option>
          {queue?.team
            .filter((m) => m.id !== detail.assignedTo)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
        </select>{' '}
        <Button variant="secondary" disabled={!handTo} onClick={() => void act(() => assign(detail.id, handTo), 'Handed over.')}>
          Hand over
        </Button>
      </div>

      <h3 class="govuk-heading-s">Messages</h3>
      <ol class="casebook-talk__messages" aria-label="Messages">
        {detail.messages.map((m) => (
          <li
            key={m.id}
            class={`casebook-talk__message casebook-talk__message--${m.author === 'person' ? 'staff' : 'person'}`}
            data-author={m.author}
          >
            <p class="casebook-talk__meta">
              {m.author === 'person' ? 'The person' : 'Helpline'}, {when(m.createdAt)}
            </p>
            <p class="casebook-talk__text">{m.content ? m.content.text : 'This message cannot be opened with your team key.'}</p>
            {m.content?.attachment ? <AttachmentLink attachment={m.content.attachment} /> : null}
          </li>
        ))}
      </ol>
      {keyIsCurrent ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reply.trim())
              void act(async () => {
                await sendReply(detail, keys, reply);
                setReply('');
              }, 'Reply sent.');
          }}
          novalidate
        >
          {saved.length > 0 ? (
            <div class="govuk-form-group">
              <label class="govuk-label" for="queue-saved">
                Start from a saved reply
              </label>
              <select
                class="govuk-select"
                id="queue-saved"
                onChange={(e) => {
                  const s = saved.find((r) => r.id === (e.target as HTMLSelectElement).value);
                  if (s) setReply(s.body);
                }}
              >
                <option value="">Choose…</option>
                {saved.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <Textarea
            id="queue-reply"
            label="Reply"
            hint="The person reads this inside Casebook. We never email or text them."
            value={reply}
            onInput={setReply}
            rows={5}
          />
          <Button type="submit">Send reply</Button>
        </form>
      ) : (
        <p class="govuk-body">The team key has changed since this page opened. Reload the page to reply.</p>
      )}

      <h3 class="govuk-heading-s">Diary entries shared with the helpline</h3>
      {detail.shares.length === 0 ? (
        <p class="govuk-body">None shared, or sharing was ended.</p>
      ) : (
        <ul class="govuk-list">
          {detail.shares.map((s) => (
            <li key={s.id} class="casebook-talk__share" data-share={s.id}>
              <p class="casebook-talk__text">{s.content ? s.content.text : 'This entry cannot be opened with your team key.'}</p>
              {s.content?.writtenAt ? <p class="govuk-body-s">Written {when(Date.parse(s.content.writtenAt))}</p> : null}
            </li>
          ))}
        </ul>
      )}

      <h3 class="govuk-heading-s">Internal notes (never shown to the person)</h3>
      {detail.notes.map((n) => (
        <div key={n.id} class="casebook-queue__note" data-note-kind={n.kind}>
          <strong>{n.kind === 'referral' ? `Referral to ${AGENCIES.find((a) => a.id === n.agency)?.label ?? n.agency}` : 'Note'}</strong>,{' '}
          {name(n.staffId)}, {when(n.createdAt)}
          {'\n'}
          {n.text ?? '(cannot be opened with your team key)'}
        </div>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim())
            void act(async () => {
              await addNote(detail.id, keys, note);
              setNote('');
            }, 'Note added.');
        }}
        novalidate
      >
        <Textarea id="queue-note" label="Add an internal note" value={note} onInput={setNote} rows={3} />
        <Button variant="secondary" type="submit">
          Add note
        </Button>
      </form>

      <h3 class="govuk-heading-s">Risk flag</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => setRisk(detail.id, keys, riskLevel, riskReason), 'Risk flag saved.');
        }}
        novalidate
      >
        <div class="govuk-form-group">
          <label class="govuk-label" for="queue-risk-level">
            Level
          </label>
          <select
            class="govuk-select"
            id="queue-risk-level"
            value={riskLevel}
            onChange={(e) => setRiskLevel((e.target as HTMLSelectElement).value as 'none' | 'raised' | 'high')}
          >
            <option value="none">No flag</option>
            <option value="raised">Risk raised</option>
            <option value="high">High risk</option>
          </select>
        </div>
        <Textarea
          id="queue-risk-reason"
          label="Reason"
          hint="Needed for a flag. Encrypted for the team."
          value={riskReason}
          onInput={setRiskReason}
          rows={2}
        />
        <Button variant="secondary" type="submit">
          Save risk flag
        </Button>
      </form>

      <h3 class="govuk-heading-s">Record a referral</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (referralReason.trim())
            void act(async () => {
              await addReferral(detail.id, keys, agency, referralReason);
              setReferralReason('');
            }, 'Referral recorded.');
        }}
        novalidate
      >
        <div class="govuk-form-group">
          <label class="govuk-label" for="queue-agency">
            Referred to
          </label>
          <select class="govuk-select" id="queue-agency" value={agency} onChange={(e) => setAgency((e.target as HTMLSelectElement).value)}>
            {AGENCIES.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <Textarea id="queue-referral-reason" label="Reason for the referral" value={referralReason} onInput={setReferralReason} rows={2} />
        <Button variant="secondary" type="submit">
          Record referral
        </Button>
      </form>
    </div>
  );
}

function SavedReplies() {
  const [list, setList] = useState<SavedReply[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const load = async () => setList(await fetchSavedReplies());
  useEffect(() => void load(), []);
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">Saved replies ({list.length})</span>
      </summary>
      <div class="govuk-details__text">
        <ul class="govuk-list">
          {list.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong>{' '}
              <button type="button" class="casebook-vault__link-button" onClick={() => void deleteSavedReply(r.id).then(load)}>
                Delete<span class="govuk-visually-hidden"> {r.title}</span>
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim() && body.trim())
              void addSavedReply(title, body).then(() => {
                setTitle('');
                setBody('');
                return load();
              });
          }}
          novalidate
        >
          <div class="govuk-form-group">
            <label class="govuk-label" for="saved-title">
              Title
            </label>
            <input
              class="govuk-input"
              id="saved-title"
              value={title}
              onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
              maxLength={100}
            />
          </div>
          <Textarea
            id="saved-body"
            label="Wording"
            hint="Standard wording only: no one's personal details."
            value={body}
            onInput={setBody}
            rows={3}
          />
          <Button variant="secondary" type="submit">
            Save reply
          </Button>
        </form>
      </div>
    </details>
  );
}
