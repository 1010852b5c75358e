// A part of the app fetched the first time it is shown (dynamic import), so it is not in the main bundle.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Busy } from '../ui/components.tsx';

export function Lazy<T>({ load, busy, render }: { load: () => Promise<T>; busy: string; render: (loaded: T) => ComponentChildren }) {
  const [state, setState] = useState<{ loaded: T } | { failed: true } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => current && setState({ loaded }),
      () => current && setState({ failed: true }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (state === undefined) return <Busy>{busy}</Busy>;
  if ('failed' in state)
    return <p class="govuk-body govuk-error-message">This part of Casebook could not be loaded. Check your connection and try again.</p>;
  return <>{render(state.loaded)}</>;
}
