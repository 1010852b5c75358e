import { describe, expect, it } from 'vitest';
import { createLifecycle } from './lifecycle.ts';

describe('lifecycle', () => {
  it('stops background work first, then closes resources in the reverse of the order they were opened', async () => {
    const done: string[] = [];
    const lifecycle = createLifecycle();
    lifecycle.closeWith(() => done.push('database'));
    lifecycle.startWhenReady(() => {
      done.push('sweep started');
      return () => done.push('sweep stopped');
    });
    lifecycle.closeWith(async () => done.push('event bus'));
    lifecycle.endBeforeClose(() => done.push('live streams'));
    await lifecycle.start();
    await lifecycle.beforeClose();
    await lifecycle.close();
    expect(done).toEqual(['sweep started', 'live streams', 'sweep stopped', 'event bus', 'database']);
  });

  it('closes everything even when one close fails, then reports the first failure, and closes each only once', async () => {
    const done: string[] = [];
    const lifecycle = createLifecycle();
    lifecycle.closeWith(() => done.push('database'));
    lifecycle.closeWith(() => {
      throw new Error('bus would not close');
    });
    lifecycle.closeWith(() => done.push('log'));
    await expect(lifecycle.close()).rejects.toThrow('bus would not close');
    expect(done).toEqual(['log', 'database']);
    await lifecycle.close();
    expect(done).toEqual(['log', 'database']);
  });
});
