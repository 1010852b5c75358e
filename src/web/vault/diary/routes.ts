// Which diary screen is showing, and the phone's back button. The browser's history holds only the screen's
// name and a position (never an id or any content, T1); the routes themselves live in this page's memory,
// so once the vault locks and they are gone, going back shows nothing of the record.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntryStepId } from './entry-draft.ts';

export type Route =
  | { readonly name: 'timeline' }
  | { readonly name: 'quick-note' }
  | { readonly name: 'entry-form'; readonly id?: string; readonly step?: EntryStepId | 'check' }
  | { readonly name: 'entry'; readonly id: string }
  | { readonly name: 'history'; readonly id: string }
  | { readonly name: 'people' }
  | { readonly name: 'person-form'; readonly id?: string }
  | { readonly name: 'places' }
  | { readonly name: 'place-form'; readonly id?: string }
  | { readonly name: 'patterns' }
  | { readonly name: 'legal' }
  | { readonly name: 'evidence-pack' }
  | { readonly name: 'import' }
  | { readonly name: 'notes' };

export const HOME: Route = { name: 'timeline' };

interface HistoryState {
  readonly screen: Route['name'];
  readonly depth: number;
}

/** What history.state may hold for a route: its name and depth only. */
export function historyStateFor(route: Route, depth: number): HistoryState {
  return { screen: route.name, depth };
}

/** The route to show for a history entry: the remembered one if it is still in memory, else the timeline. */
export function routeForState(state: unknown, stack: readonly Route[]): { route: Route; depth: number } {
  const depth =
    typeof state === 'object' && state !== null && typeof (state as HistoryState).depth === 'number' ? (state as HistoryState).depth : 0;
  const remembered = stack[depth];
  if (remembered && remembered.name === (state as HistoryState | null)?.screen) return { route: remembered, depth };
  return { route: HOME, depth: 0 };
}

export interface Navigation {
  readonly route: Route;
  /** A new screen, added to the back button's history. */
  go(route: Route): void;
  /** Another screen in place of this one (after saving, so back does not return to the finished form). */
  replace(route: Route): void;
  /** As the back button would; to the timeline when there is nothing to go back to. */
  back(): void;
}

export function useNavigation(): Navigation {
  const stack = useRef<Route[]>([HOME]);
  const depth = useRef(0);
  const [route, setRoute] = useState<Route>(HOME);

  useEffect(() => {
    history.replaceState(historyStateFor(HOME, 0), '');
    const onPop = (event: PopStateEvent) => {
      const found = routeForState(event.state, stack.current);
      depth.current = found.depth;
      setRoute(found.route);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      stack.current = [];
    };
  }, []);

  return {
    route,
    go(next) {
      depth.current += 1;
      stack.current = [...stack.current.slice(0, depth.current), next];
      history.pushState(historyStateFor(next, depth.current), '');
      setRoute(next);
    },
    replace(next) {
      stack.current = [...stack.current.slice(0, depth.current), next];
      history.replaceState(historyStateFor(next, depth.current), '');
      setRoute(next);
    },
    back() {
      if (depth.current > 0) history.back();
      else setRoute(HOME);
    },
  };
}
