import { describe, expect, it } from 'vitest';
import type { Route } from './routes.ts';
import { HOME, historyStateFor, routeForState } from './routes.ts';

describe('diary routes and the back button', () => {
  it('puts only the screen name and a position in history, never an id', () => {
    const state = historyStateFor({ name: 'entry', id: 'secret-id' }, 3);
    expect(state).toEqual({ screen: 'entry', depth: 3 });
    expect(JSON.stringify(state)).not.toContain('secret-id');
  });

  it('finds the remembered route for a history entry, and the timeline when it is gone (after locking)', () => {
    const stack: Route[] = [HOME, { name: 'entry', id: 'e1' }, { name: 'history', id: 'e1' }];
    expect(routeForState({ screen: 'entry', depth: 1 }, stack)).toEqual({ route: { name: 'entry', id: 'e1' }, depth: 1 });
    expect(routeForState({ screen: 'entry', depth: 1 }, [])).toEqual({ route: HOME, depth: 0 });
    expect(routeForState({ screen: 'people', depth: 1 }, stack)).toEqual({ route: HOME, depth: 0 });
    expect(routeForState(null, stack)).toEqual({ route: HOME, depth: 0 });
  });
});
