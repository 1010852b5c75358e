/**
 * Word and link filters that moderators manage. A blocked word holds the post for a moderator (words have
 * innocent uses, and a person quoting abuse they received should still be heard); a blocked site refuses the
 * link outright, with a message saying which.
 */
export interface ModerationFilter {
  kind: 'word' | 'link';
  /** A word or phrase (matched as whole words, any case), or a domain (matches it and its subdomains). */
  pattern: string;
}

export interface FilterResult {
  heldFor: string[];
  blockedLinks: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function normaliseDomain(raw: string): string | undefined {
  const text =
    raw
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .split(/[/?#]/, 1)[0] ?? '';
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(text) ? text : undefined;
}

/** Hosts of every http(s) link or bare domain in the text. */
export function linkHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const match of text.matchAll(/\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/:?#\s)\]>,.!]|$)/gi)) {
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    if (before === '@') continue; // the domain of an email address, which is caught as a detail instead
    hosts.push(match[1]!.toLowerCase().replace(/^www\./, ''));
  }
  return hosts;
}

export function countLinks(text: string): number {
  return linkHosts(text).length;
}

export function applyFilters(text: string, filters: readonly ModerationFilter[]): FilterResult {
  const heldFor: string[] = [];
  const blockedLinks: string[] = [];
  const hosts = linkHosts(text);
  for (const filter of filters) {
    if (filter.kind === 'word') {
      const words = filter.pattern.trim().split(/\s+/).map(escape).join('\\s+');
      if (words && new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu').test(text)) heldFor.push(filter.pattern);
    } else {
      const domain = normaliseDomain(filter.pattern);
      if (domain && hosts.some((host) => host === domain || host.endsWith(`.${domain}`))) blockedLinks.push(domain);
    }
  }
  return { heldFor, blockedLinks };
}
