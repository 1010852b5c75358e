// What the legal-elements panel (and the evidence pack's cover page) receives: for each part of the law, how
// far the record goes, in plain words, with a link to the guidance that explains it.

export const ELEMENT_IDS = [
  'harassment',
  'stalking',
  'fear-of-violence',
  'stalking-fear-or-distress',
  'stalking-protection-order',
] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

/** Ordered: a status only ever moves up this list as incidents are added. */
export const STATUSES = ['not-yet', 'partly', 'supported'] as const;
export type ElementStatus = (typeof STATUSES)[number];

export interface GuidanceLink {
  href: string;
  text: string;
}

/** One sentence, sometimes with a link to read more. */
export interface Point {
  text: string;
  link?: GuidanceLink;
}

export interface ElementFinding {
  id: ElementId;
  /** e.g. "Harassment (section 2)". */
  title: string;
  /** The law it is about, e.g. "Protection from Harassment Act 1997, section 2". */
  law: string;
  status: ElementStatus;
  /** e.g. "Your record may support this". */
  statusText: string;
  /** What the record shows. */
  shows: Point[];
  /** What is missing, or what would make it clearer. */
  missing: Point[];
  link: GuidanceLink;
  /** The person whose incidents were looked at, or null when the incidents do not say who. */
  personId: string | null;
  notice: string;
}

export interface Strengthener {
  id: 'crime-reference' | 'witnesses' | 'attachments' | 'exact-times' | 'quick-notes';
  done: boolean;
  text: string;
  link: GuidanceLink;
}

export interface LegalElementsReport {
  /** Shown above everything: guidance, not legal advice. */
  notice: Point;
  elements: ElementFinding[];
  /** Things that make the record stronger, whatever the status. */
  strengtheners: Strengthener[];
  /** Anything else worth knowing, such as more than one person being named. */
  notes: Point[];
}

export interface Evaluation {
  status: ElementStatus;
  shows: Point[];
  missing: Point[];
}

export function statusRank(status: ElementStatus): number {
  return STATUSES.indexOf(status);
}
