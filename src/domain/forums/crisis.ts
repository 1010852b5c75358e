/**
 * Wording that suggests the poster may be thinking of suicide or self-harm, or is in danger right now. A
 * match never blocks or holds a post on its own: the poster is shown Samaritans and 999 at once, and the post
 * goes to the top of the moderators' queue. Over-matching costs a moderator a look; missing one can cost more.
 */
export type CrisisKind = 'suicide' | 'self-harm' | 'danger';

export interface CrisisSignal {
  kind: CrisisKind;
  /** The words that matched, for the moderator's queue. */
  phrase: string;
}

// Each pattern is matched on text with curly quotes straightened and runs of spaces collapsed.
const PATTERNS: Record<CrisisKind, RegExp[]> = {
  suicide: [
    /\bsuicid(?:e|al)\b/i,
    /\b(?:kill|killing|end|ending|take|taking)\s+(?:my\s+(?:own\s+)?life|myself)\b/i,
    /\b(?:want|wanted|going|ready|deserve)\s+to\s+die\b/i,
    /\bbetter\s+off\s+(?:dead|without\s+me)\b/i,
    /\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on)\b/i,
    /\bcan'?t\s+go\s+on\b/i,
    /\b(?:overdose|od)\s+on\b/i,
    /\bend\s+it\s+all\b/i,
  ],
  'self-harm': [/\bself[\s-]?harm(?:ing|ed)?\b/i, /\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming)\s+myself\b/i],
  danger: [
    /\b(?:he|she|they|someone|my\s+ex|the\s+stalker)(?:'s|\s+is|\s+are|'re)?\s+(?:outside|at|in)\s+(?:my|the)\s+(?:house|home|flat|door|window|garden|work|car)\b(?:\s+(?:right\s+)?now)?/i,
    /\b(?:trying\s+to|going\s+to|about\s+to)\s+(?:get\s+in|break\s+in)\b/i,
    /\bbreaking\s+in\b/i,
    /\b(?:he|she|they|my\s+ex)(?:'ll|\s+will|'s\s+going\s+to|\s+is\s+going\s+to|\s+are\s+going\s+to|\s+wants?\s+to)\s+kill\s+me\b/i,
    /\bthreat(?:en|ened|ening|ens)\s+to\s+kill\s+me\b/i,
    /\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:in\s+danger|not\s+safe|scared\s+for\s+my\s+life)\b/i,
    /\bhas\s+(?:a\s+)?(?:knife|gun|weapon)\b/i,
  ],
};

function normalise(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
}

/** Every kind of crisis wording in a post, the first phrase of each. */
export function detectCrisis(text: string): CrisisSignal[] {
  const plain = normalise(text);
  const signals: CrisisSignal[] = [];
  for (const [kind, patterns] of Object.entries(PATTERNS) as [CrisisKind, RegExp[]][]) {
    for (const pattern of patterns) {
      const match = pattern.exec(plain);
      if (match) {
        signals.push({ kind, phrase: match[0] });
        break;
      }
    }
  }
  return signals;
}
