// Puts the rules together: each element is judged on every person's group of incidents (conduct-groups.ts) and
// the best-supported group is shown, so one person's incidents are never mixed with another's.
import type { Incident, Person } from '../incidents/index.ts';
import type { Escalation } from '../patterns/index.ts';
import { escalationSignal } from '../patterns/index.ts';
import type { ConductGroup } from './conduct-groups.ts';
import { conductGroups } from './conduct-groups.ts';
import { fearOfViolenceIn } from './fear-of-violence.ts';
import { harassmentIn } from './harassment.ts';
import { LINKS } from './links.ts';
import type { ElementFinding, ElementId, ElementStatus, Evaluation, GuidanceLink, LegalElementsReport, Point } from './model.ts';
import { statusRank } from './model.ts';
import { protectionOrderIn } from './protection-order.ts';
import { stalkingIn } from './stalking.ts';
import { stalkingWithFearOrDistressIn } from './stalking-fear-or-distress.ts';
import { strengthenersFor } from './strengtheners.ts';
import type { Names } from './wording.ts';
import { count, NOTICE, namesOf } from './wording.ts';

export interface LegalElementsInput {
  incidents: readonly Incident[];
  people?: readonly Person[];
  /** When given, recent weeks are compared to say if it is happening more often. */
  now?: number;
  zone?: string;
}

interface ElementRule {
  id: ElementId;
  title: string;
  law: string;
  link: GuidanceLink;
  statusText: Readonly<Record<ElementStatus, string>>;
  evaluate: (group: ConductGroup, names: Names, escalation?: Escalation) => Evaluation;
}

const STATUS_TEXT: Readonly<Record<ElementStatus, string>> = {
  supported: 'Your record may support this',
  partly: 'Your record partly supports this',
  'not-yet': 'Your record does not show this yet',
};

const RULES: readonly ElementRule[] = [
  {
    id: 'harassment',
    title: 'Harassment (section 2)',
    law: 'Protection from Harassment Act 1997, sections 1, 2 and 7',
    link: LINKS.harassment,
    statusText: STATUS_TEXT,
    evaluate: harassmentIn,
  },
  {
    id: 'stalking',
    title: 'Stalking (section 2A)',
    law: 'Protection from Harassment Act 1997, section 2A',
    link: LINKS.stalking,
    statusText: STATUS_TEXT,
    evaluate: stalkingIn,
  },
  {
    id: 'fear-of-violence',
    title: 'Putting you in fear of violence (section 4)',
    law: 'Protection from Harassment Act 1997, section 4',
    link: LINKS.fearOfViolence,
    statusText: STATUS_TEXT,
    evaluate: fearOfViolenceIn,
  },
  {
    id: 'stalking-fear-or-distress',
    title: 'Stalking with fear of violence or serious alarm or distress (section 4A)',
    law: 'Protection from Harassment Act 1997, section 4A',
    link: LINKS.stalkingFearOrDistress,
    statusText: STATUS_TEXT,
    evaluate: stalkingWithFearOrDistressIn,
  },
  {
    id: 'stalking-protection-order',
    title: 'A Stalking Protection Order',
    law: 'Stalking Protection Act 2019',
    link: LINKS.protectionOrder,
    statusText: {
      supported: 'An order might be relevant. Ask the police about one',
      partly: 'An order might become relevant',
      'not-yet': 'Your record does not show this yet',
    },
    evaluate: protectionOrderIn,
  },
];

/** The group to show: the highest status, then the most incidents that name the person, then the most incidents. */
function better(a: { group: ConductGroup; result: Evaluation }, b: { group: ConductGroup; result: Evaluation }): boolean {
  return (
    (statusRank(a.result.status) - statusRank(b.result.status) ||
      a.group.named - b.group.named ||
      a.group.incidents.length - b.group.incidents.length) > 0
  );
}

export const GUIDANCE_NOTICE: Point = {
  text: `${NOTICE} It only looks at what you have written in your diary. The police and the courts decide what the law means for you. For advice about your own situation, talk to the National Stalking Helpline or a solicitor.`,
  link: LINKS.helpline,
};

export function analyseLegalElements(input: LegalElementsInput): LegalElementsReport {
  const names = namesOf(input.people ?? []);
  const groups = conductGroups(input.incidents);
  const escalation =
    input.now === undefined
      ? undefined
      : escalationSignal(input.incidents, input.zone ? { now: input.now, zone: input.zone } : { now: input.now });

  const elements: ElementFinding[] = RULES.map((rule) => {
    let best: { group: ConductGroup; result: Evaluation } | null = null;
    for (const group of groups) {
      const candidate = { group, result: rule.evaluate(group, names, escalation) };
      if (!best || better(candidate, best)) best = candidate;
    }
    // conductGroups always returns at least one group, even for an empty record.
    const { group, result } = best!;
    return {
      id: rule.id,
      title: rule.title,
      law: rule.law,
      status: result.status,
      statusText: rule.statusText[result.status],
      shows: result.shows,
      missing: result.missing,
      link: rule.link,
      personId: group.personId,
      notice: NOTICE,
    };
  });

  const named = groups.filter((group) => group.personId !== null).length;
  const notes: Point[] = [];
  if (named > 1) {
    notes.push({
      text: `Your record names ${count(named, 'different person', 'different people')} as the one doing this. Each person's incidents are looked at on their own. If one person got others to act for them, tell the police.`,
    });
  }
  return { notice: GUIDANCE_NOTICE, elements, strengtheners: strengthenersFor(input.incidents), notes };
}
