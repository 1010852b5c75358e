// The conversation API as the person's browser uses it. The access token lives in this object only (memory; never
// storage, never a URL): it is sent as a bearer header, and live updates come over fetch rather than EventSource,
// which cannot send one.

import { base64urlEncode } from '../../crypto/encoding.ts';
import { FAILURE_WORDS, HttpError, httpFetch } from '../http/http-client.ts';
import type { SealedContent } from './sealed-content.ts';
import { pageLanguage } from './words.ts';

export interface StoredMessage extends SealedContent {
  readonly author: 'person' | 'staff';
  readonly createdAt: number;
}

export interface StoredShare extends SealedContent {
  readonly createdAt: number;
}

export interface ConversationState {
  readonly id: string;
  readonly status: 'with-helpline' | 'answered' | 'closed';
  readonly createdAt: number;
  readonly teamKey: { readonly version: number; readonly publicKey: string } | null;
  readonly messages: readonly StoredMessage[];
  readonly shares: readonly StoredShare[];
}

export class TalkClient {
  readonly #token: string;
  readonly #base: string;

  constructor(token: Uint8Array, base = '') {
    this.#token = base64urlEncode(token);
    this.#base = base;
  }

  async #send(method: string, path: string, json?: unknown, signal?: AbortSignal): Promise<Response> {
    const init: RequestInit = {
      method,
      // Content-Language: what the person writes is in the page's language, so a caseworker can see it.
      headers: {
        authorization: `Bearer ${this.#token}`,
        ...(json === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-language': typeof document === 'undefined' ? 'en' : pageLanguage() }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      cache: 'no-store',
      credentials: 'omit',
      ...(signal ? { signal } : {}),
    };
    return httpFetch(this.#base + path, init, FAILURE_WORDS);
  }

  async #json<T>(method: string, path: string, json?: unknown): Promise<T> {
    const response = await this.#send(method, path, json);
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  }

  /** Starts the conversation for this token (or finds it again, if it was already started). */
  start(publicKey: Uint8Array): Promise<ConversationState> {
    return this.#json('POST', '/api/talk/conversations', { token: this.#token, publicKey: base64urlEncode(publicKey) });
  }

  load(): Promise<ConversationState> {
    return this.#json('GET', '/api/talk/conversation');
  }

  send(message: SealedContent): Promise<StoredMessage> {
    return this.#json('POST', '/api/talk/conversation/messages', message);
  }

  share(share: SealedContent): Promise<StoredShare> {
    return this.#json('POST', '/api/talk/conversation/shares', share);
  }

  endShare(id: string): Promise<void> {
    return this.#json('DELETE', `/api/talk/conversation/shares/${encodeURIComponent(id)}`);
  }

  /**
   * Live updates until `signal` aborts: calls onEvent for each Server-Sent Event. Reconnects after a dropped
   * connection (another server process may take it) and calls onEvent('refresh') so nothing missed is lost.
   */
  async listen(onEvent: (event: string, data: unknown) => void, signal: AbortSignal): Promise<void> {
    let first = true;
    while (!signal.aborted) {
      try {
        const response = await this.#send('GET', '/api/talk/conversation/events', undefined, signal);
        if (!first) onEvent('refresh', {});
        first = false;
        await readEvents(response, onEvent);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof HttpError && error.status === 404) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

/** Parses a text/event-stream body into (event, data) pairs. */
export async function readEvents(response: Response, onEvent: (event: string, data: unknown) => void): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (data) onEvent(event, JSON.parse(data));
    }
  }
}
