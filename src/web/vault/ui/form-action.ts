// One way for every form to do "check → show the error summary → busy → call the API → show what failed".
import { useRef, useState } from 'preact/hooks';
import type { FieldError } from './components.tsx';
import { describeFailure } from './messages.ts';

export interface FormAction {
  readonly errors: readonly FieldError[];
  /** What is being done, for a Busy line; undefined when idle. */
  readonly busy: string | undefined;
  setErrors(errors: readonly FieldError[]): void;
  setBusy(status: string | undefined): void;
  /**
   * Runs `check` (errors stop here), then `work` with a busy message; a failure becomes one error linked to
   * `failureField`. Returns the work's result, or undefined when it did not run or failed.
   */
  run<T>(options: {
    check?: () => readonly FieldError[];
    busy: string;
    work: (progress: (status: string) => void) => Promise<T>;
    failureField: string;
    failure?: string | ((error: unknown) => string);
  }): Promise<T | undefined>;
}

/** The error shown when the work fails: the API's own message where it has one. */
export function failureError(
  error: unknown,
  field: string,
  fallback: string | ((error: unknown) => string) = 'Something went wrong. Try again.',
): FieldError {
  const text = typeof fallback === 'function' ? fallback(error) : describeFailure(error, fallback);
  return { href: `#${field}`, text };
}

export function useFormAction(): FormAction {
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const running = useRef(false);
  return {
    errors,
    busy,
    setErrors,
    setBusy,
    async run({ check, busy: status, work, failureField, failure }) {
      if (running.current) return undefined;
      const problems = check ? check() : [];
      setErrors(problems);
      if (problems.length > 0) return undefined;
      running.current = true;
      setBusy(status);
      try {
        return await work(setBusy);
      } catch (error) {
        setErrors([failureError(error, failureField, failure)]);
        return undefined;
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    },
  };
}
