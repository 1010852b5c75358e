// The behaviours checklist. The first seven are the examples in PHA 1997 s.2A(3)(a)–(g) (in force
// 25 November 2012, inserted by the Protection of Freedoms Act 2012 s.111); that list is not exhaustive, so
// the rest come from the seeds (000: gifts, damage, assault; 002: gifts, damage, threats, breaking in,
// family and friends, identity theft; 004: turning up, gathering information, pretending to be the victim,
// self-harm threats, harassing relatives) and the guidance page /understand/stalking-behaviours.

export const BEHAVIOUR_IDS = [
  'following',
  'contacting',
  'publishing',
  'monitoring-communications',
  'loitering',
  'interfering-with-property',
  'watching-or-spying',
  'turning-up',
  'contacting-others',
  'unwanted-gifts',
  'threat-of-violence',
  'sexual-threat',
  'threat-to-others',
  'threat-of-self-harm',
  'damaging-property',
  'breaking-in',
  'pretending-to-be-you',
  'fake-profiles',
  'tracking-location',
  'gathering-information',
  'violence',
] as const;
export type BehaviourId = (typeof BEHAVIOUR_IDS)[number];

/** Where PHA 1997 s.2A(3) names a behaviour as an example of acts associated with stalking. */
export type StalkingExample = 's.2A(3)(a)' | 's.2A(3)(b)' | 's.2A(3)(c)' | 's.2A(3)(d)' | 's.2A(3)(e)' | 's.2A(3)(f)' | 's.2A(3)(g)';

export interface Behaviour {
  id: BehaviourId;
  /** What the checklist shows, finishing "They…" in the person's mind: short and plain. */
  label: string;
  hint: string;
  /** The s.2A(3) paragraph that lists it, or null when the law's list does not name it. */
  listedIn: StalkingExample | null;
  /** Where the behaviour is named when the law's list does not: the seeds or the guidance. */
  source: string;
  /**
   * True for everything on this checklist today: s.2A(3)'s list is only examples, and every other item is
   * named as stalking behaviour by the helpline and police sources. Kept as data so a later non-stalking
   * item (for example "other") does not silently count towards s.2A.
   */
  associatedWithStalking: boolean;
  /**
   * A sign of risk of harm, used only to say whether a Stalking Protection Order might be relevant. Chosen
   * from the S-DASH (2009) risk factors: threats of physical or sexual violence, violence, destroyed or
   * vandalised property; plus threats to children or family (seed 002) and breaking in (seed 002, 004).
   */
  riskOfHarm: boolean;
  /** The guidance section that describes it. */
  guidance: string;
}

const PAGE = '/understand/stalking-behaviours';

export const BEHAVIOURS: readonly Behaviour[] = [
  {
    id: 'following',
    label: 'Following you',
    hint: 'On foot, in a car, on a bus or train, or keeping pace with you.',
    listedIn: 's.2A(3)(a)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(a)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'contacting',
    label: 'Contacting you, or trying to',
    hint: 'Calls (silent ones too), texts, messages, emails, letters or notes, by any means, even after being blocked.',
    listedIn: 's.2A(3)(b)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(b)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#by-phone-message-or-post`,
  },
  {
    id: 'publishing',
    label: 'Posting or publishing things about you',
    hint: 'Posts, photos, private details or lies about you, online or anywhere else.',
    listedIn: 's.2A(3)(c)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(c)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#online-and-through-technology`,
  },
  {
    id: 'monitoring-communications',
    label: 'Watching your phone, messages or internet use',
    hint: 'Reading your messages or emails, checking what you post or browse, or spying software on your phone.',
    listedIn: 's.2A(3)(d)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(d)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#online-and-through-technology`,
  },
  {
    id: 'loitering',
    label: 'Hanging around places you go',
    hint: 'Waiting or hanging around near your home, work, school, gym or other places.',
    listedIn: 's.2A(3)(e)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(e)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'interfering-with-property',
    label: 'Interfering with your things',
    hint: 'Taking, moving or tampering with things that are yours, such as post, your car or your bins.',
    listedIn: 's.2A(3)(f)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(f)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'watching-or-spying',
    label: 'Watching or spying on you',
    hint: 'Watching you or your home, taking photos of you, or spying on you in other ways.',
    listedIn: 's.2A(3)(g)',
    source: 'Protection from Harassment Act 1997, section 2A(3)(g)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'turning-up',
    label: 'Turning up at your home or work',
    hint: 'Coming to your home, work or school, or driving past again and again.',
    listedIn: null,
    source: 'Seeds: "driving past or appearing at victim\'s location, home or workplace"',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'contacting-others',
    label: 'Contacting your family, friends or colleagues',
    hint: 'Asking people about you, passing messages through them, or upsetting them.',
    listedIn: null,
    source: 'Seeds: "harassing the victim\'s relatives, friends and colleagues"',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#through-other-people`,
  },
  {
    id: 'unwanted-gifts',
    label: 'Sending gifts you did not want',
    hint: 'Flowers, presents, letters or things left for you.',
    listedIn: null,
    source: 'Seeds: "sending unwanted gifts"',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'threat-of-violence',
    label: 'Threatening to hurt you',
    hint: 'Saying or writing that they will hurt you, or acting as if they will.',
    listedIn: null,
    source: 'Seeds: "threats of harm to the victim"',
    associatedWithStalking: true,
    riskOfHarm: true,
    guidance: `${PAGE}#threats-and-pressure`,
  },
  {
    id: 'sexual-threat',
    label: 'Sexual threats',
    hint: 'Threatening to touch you or to do something sexual to you.',
    listedIn: null,
    source: 'S-DASH (2009): "threats of physical or sexual violence"',
    associatedWithStalking: true,
    riskOfHarm: true,
    guidance: `${PAGE}#threats-and-pressure`,
  },
  {
    id: 'threat-to-others',
    label: 'Threatening people close to you',
    hint: 'Threats to hurt your children, family, friends, partner or pets.',
    listedIn: null,
    source: 'Seeds: "threatening harm to children", "threats of harm to the victim or their friends or relatives"',
    associatedWithStalking: true,
    riskOfHarm: true,
    guidance: `${PAGE}#threats-and-pressure`,
  },
  {
    id: 'threat-of-self-harm',
    label: 'Threatening to hurt themselves unless you get in touch',
    hint: 'Saying they will hurt or kill themselves if you do not see them or talk to them.',
    listedIn: null,
    source: 'Seeds: "threatening to self harm/commit suicide to coerce the victim to have contact"',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#threats-and-pressure`,
  },
  {
    id: 'damaging-property',
    label: 'Damaging your things',
    hint: 'Breaking or spoiling your home, car or other things you own.',
    listedIn: null,
    source: 'Seeds: "damaging property"; S-DASH (2009): "destroyed or vandalised property"',
    associatedWithStalking: true,
    riskOfHarm: true,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'breaking-in',
    label: 'Breaking into your home or car',
    hint: 'Getting into your home, car or other space without your say-so.',
    listedIn: null,
    source: 'Seeds: "breaking into the victim\'s home or car"',
    associatedWithStalking: true,
    riskOfHarm: true,
    guidance: `${PAGE}#in-person`,
  },
  {
    id: 'pretending-to-be-you',
    label: 'Pretending to be you',
    hint: 'Posting as you, using your name, or opening accounts or ordering things in your name.',
    listedIn: null,
    source:
      'Seeds: "identity theft", "publishing something pretending to be the victim" (s.2A(3)(c) covers material said to come from you)',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#online-and-through-technology`,
  },
  {
    id: 'fake-profiles',
    label: 'Using fake profiles',
    hint: 'New or fake accounts to watch you, contact you or pretend to be someone else.',
    listedIn: null,
    source: 'Guidance: /understand/stalking-behaviours',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#online-and-through-technology`,
  },
  {
    id: 'tracking-location',
    label: 'Tracking where you are',
    hint: 'A tracker in your bag or car, a tracking app, or location sharing you did not agree to.',
    listedIn: null,
    source: 'Guidance: /understand/stalking-behaviours',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#online-and-through-technology`,
  },
  {
    id: 'gathering-information',
    label: 'Finding out things about you',
    hint: 'Looking for where you live or work, your routine, or your new number.',
    listedIn: null,
    source: 'Seeds: "gathering information on the victim"',
    associatedWithStalking: true,
    riskOfHarm: false,
    guidance: `${PAGE}#through-other-people`,
  },
  {
    id: 'violence',
    label: 'Hurting you',
    hint: 'Hitting, pushing, grabbing, or any physical or sexual assault.',
    listedIn: null,
    source: 'Seeds: "physical or sexual assault"; S-DASH (2009): violence during this stalking',
    associatedWithStalking: true,
    riskOfHarm: true,
    guidance: `${PAGE}#threats-and-pressure`,
  },
];

const byId = new Map<string, Behaviour>(BEHAVIOURS.map((behaviour) => [behaviour.id, behaviour]));

export function behaviourById(id: BehaviourId): Behaviour {
  const behaviour = byId.get(id);
  if (!behaviour) throw new Error(`unknown behaviour "${id}"`);
  return behaviour;
}

export function isBehaviourId(value: string): value is BehaviourId {
  return byId.has(value);
}
