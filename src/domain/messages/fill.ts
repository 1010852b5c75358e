/**
 * A catalogue sentence with its `{name}` holes filled from `values`; a hole with no value stays as written, so a
 * gap shows rather than vanishes. The one way every catalogue sentence is completed, on the server and in the
 * browser: sentences are never built by joining words in code.
 */
export function fill(phrase: string, values: Readonly<Record<string, string | number>>): string {
  return phrase.replace(/\{(\w+)\}/g, (whole: string, name: string) => (name in values ? String(values[name]) : whole));
}
