// One open conversation in this page's memory: the keys the code derived, the client, and what has been decrypted.
// Dropping the object (leaving, locking) is what makes all of it unreachable; nothing is written to storage (T1).
import { base64urlDecode } from '../../crypto/encoding.ts';
import { HttpError } from '../http/http-client.ts';
import { type ConversationState, type StoredMessage, TalkClient } from './api.ts';
import { type ConversationKeys, deriveConversationKeys } from './conversation-code.ts';
import { type MessageContent, openContent, type ShareContent, sealContent } from './sealed-content.ts';

export interface ShownMessage {
  readonly id: string;
  readonly author: 'person' | 'staff';
  readonly createdAt: number;
  /** undefined when this message cannot be decrypted with this code (it is shown as such, not hidden). */
  readonly content: MessageContent | undefined;
}

export interface ShownShare {
  readonly id: string;
  readonly createdAt: number;
  readonly content: ShareContent | undefined;
}

export interface ConversationView {
  readonly status: ConversationState['status'];
  readonly messages: readonly ShownMessage[];
  readonly shares: readonly ShownShare[];
  readonly canWrite: boolean;
}

export class OpenConversation {
  readonly client: TalkClient;
  readonly #keys: ConversationKeys;
  #state: ConversationState | undefined;
  readonly #opened = new Map<string, ShownMessage>();

  private constructor(keys: ConversationKeys) {
    this.#keys = keys;
    this.client = new TalkClient(keys.token);
  }

  /** A new conversation from a freshly made code. */
  static async start(words: readonly string[]): Promise<OpenConversation> {
    const open = new OpenConversation(await deriveConversationKeys(words));
    open.#state = await open.client.start(open.#keys.publicKey);
    return open;
  }

  /** Back in with the code alone: 404 (a wrong code) becomes an HttpError (the one error every client throws) the form shows. */
  static async resume(words: readonly string[]): Promise<OpenConversation> {
    const open = new OpenConversation(await deriveConversationKeys(words));
    open.#state = await open.client.load();
    return open;
  }

  get id(): string {
    return this.#state!.id;
  }

  async refresh(): Promise<void> {
    this.#state = await this.client.load();
  }

  /** A message that arrived live; ignored when already known. */
  add(message: StoredMessage): void {
    const state = this.#state!;
    if (state.messages.some((m) => m.id === message.id)) return;
    this.#state = { ...state, messages: [...state.messages, message], status: message.author === 'staff' ? 'answered' : 'with-helpline' };
  }

  async view(): Promise<ConversationView> {
    const state = this.#state!;
    const messages: ShownMessage[] = [];
    for (const m of state.messages) {
      let shown = this.#opened.get(m.id);
      if (!shown) {
        const content = await openContent<MessageContent>('message', state.id, m, this.#keys.privateKey, 'person').catch(() => undefined);
        shown = { id: m.id, author: m.author, createdAt: m.createdAt, content };
        if (content) this.#opened.set(m.id, shown);
      }
      messages.push(shown);
    }
    const shares: ShownShare[] = [];
    for (const s of state.shares) {
      shares.push({
        id: s.id,
        createdAt: s.createdAt,
        content: await openContent<ShareContent>('share', state.id, s, this.#keys.privateKey, 'person').catch(() => undefined),
      });
    }
    return { status: state.status, messages, shares, canWrite: state.teamKey !== null };
  }

  #recipients() {
    const teamKey = this.#state!.teamKey;
    if (!teamKey) throw new HttpError(503, 'no_team_key', 'The helpline cannot receive messages yet. Please try again later.', {});
    return { teamKeyVersion: teamKey.version, teamPublicKey: base64urlDecode(teamKey.publicKey), personPublicKey: this.#keys.publicKey };
  }

  /** Seals and sends; if the team's key changed meanwhile, reloads it and tries once more. */
  async #withCurrentKey<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof HttpError) || error.code !== 'team_key_changed') throw error;
      await this.refresh();
      return attempt();
    }
  }

  async send(content: MessageContent): Promise<void> {
    const id = crypto.randomUUID();
    const stored = await this.#withCurrentKey(async () =>
      this.client.send(await sealContent('message', this.id, id, content, this.#recipients())),
    );
    this.add(stored);
  }

  async share(content: ShareContent): Promise<void> {
    const id = crypto.randomUUID();
    await this.#withCurrentKey(async () => this.client.share(await sealContent('share', this.id, id, content, this.#recipients())));
    await this.refresh();
  }

  async endShare(id: string): Promise<void> {
    await this.client.endShare(id);
    await this.refresh();
  }

  /** Best effort: overwrite the key bytes this object holds before it is dropped. */
  wipe(): void {
    this.#keys.privateKey.fill(0);
    this.#keys.token.fill(0);
    this.#opened.clear();
  }
}
