import { useEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to the element when the screen appears (or `key` changes), so a screen reader starts reading the
 * new step and a keyboard user continues from its top, as on a new page.
 */
export function useFocusOnShow<T extends HTMLElement>(key: unknown = undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
    window.scrollTo(0, 0);
  }, [key]);
  return ref;
}
