// RFC 8785 JSON Canonicalization Scheme. JCS was designed so that ECMAScript's own JSON.stringify
// already produces its string and number forms (RFC 8785 §3.2.2.2–3.2.2.3: Number.prototype.toString
// shortest round-trip numbers, minimal string escaping with lower-case \u00xx), leaving only what
// JSON.stringify does not guarantee: property order by UTF-16 code units, and rejecting what I-JSON
// (RFC 7493) forbids instead of silently changing it.

export class CanonicalJsonError extends TypeError {
  override readonly name = 'CanonicalJsonError';
}

/**
 * Canonical JSON text of a JSON value. Throws on anything JSON cannot represent exactly: non-finite
 * numbers, lone surrogates, undefined/functions/symbols/bigints in arrays or at the top level, and
 * objects other than plain objects and arrays (a Date or Map would otherwise change meaning).
 * Object properties whose value is undefined are omitted, as JSON.stringify does, so optional fields
 * left unset commit the same as absent ones.
 */
export function canonicalize(value: unknown): string {
  return serialize(value, '$');
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not representable in JSON`);
      return JSON.stringify(value); // -0 becomes "0", as RFC 8785 requires
    case 'string':
      return serializeString(value, path);
    case 'object':
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => serialize(item, `${path}[${i}]`)).join(',')}]`;
      }
      if (!isPlainObject(value)) {
        throw new CanonicalJsonError(`${path}: only plain objects and arrays can be canonicalised`);
      }
      return serializeObject(value as Record<string, unknown>, path);
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} is not a JSON value`);
  }
}

function serializeObject(object: Record<string, unknown>, path: string): string {
  // Default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 specifies.
  const keys = Object.keys(object).sort();
  const members: string[] = [];
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    const memberPath = `${path}.${key}`;
    members.push(`${serializeString(key, memberPath)}:${serialize(member, memberPath)}`);
  }
  return `{${members.join(',')}}`;
}

function serializeString(text: string, path: string): string {
  if (!text.isWellFormed()) throw new CanonicalJsonError(`${path}: string contains a lone surrogate`);
  return JSON.stringify(text);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
