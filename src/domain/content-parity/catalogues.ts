/** A message catalogue: nested objects whose leaves are the messages. */
export type Catalogue = { readonly [key: string]: string | Catalogue };

/** Every message key, dotted ("exit.text"), with its value; anything that is not a non-empty string is a problem. */
export function flattenCatalogue(catalogue: unknown, prefix = ''): { keys: Map<string, string>; problems: string[] } {
  const keys = new Map<string, string>();
  const problems: string[] = [];
  if (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue)) {
    return { keys, problems: [`${prefix || '(catalogue)'} must be a mapping of keys to messages`] };
  }
  for (const [name, value] of Object.entries(catalogue)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') {
      if (value.trim() === '') problems.push(`${key} is empty`);
      else keys.set(key, value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const inner = flattenCatalogue(value, key);
      inner.keys.forEach((v, k) => keys.set(k, v));
      problems.push(...inner.problems);
    } else {
      problems.push(`${key} must be text`);
    }
  }
  return { keys, problems };
}

/** Keys missing in either language's catalogue of one area, and malformed entries, as readable lines. */
export function catalogueProblems(area: string, catalogues: Readonly<Record<string, unknown>>): string[] {
  const flat = Object.entries(catalogues).map(([language, catalogue]) => ({ language, ...flattenCatalogue(catalogue) }));
  const all = new Set(flat.flatMap((c) => [...c.keys.keys()]));
  return flat.flatMap(({ language, keys, problems }) => [
    ...problems.map((p) => `${area} (${language}): ${p}`),
    ...[...all].filter((key) => !keys.has(key)).map((key) => `${area} (${language}): "${key}" is missing`),
  ]);
}
