// The risk screen's questions: one for each of the eleven risk factors in the S-DASH (2009) checklist
// (Sheridan and Roberts with Richards, for ACPO with CAADA). That checklist asks not to be reproduced, so
// these are Casebook's own words, written for a frightened reader: short, plain, "you" and "they".

export const ANSWERS = ['yes', 'no', 'not-sure'] as const;
export type Answer = (typeof ANSWERS)[number];

export const ANSWER_LABELS: Readonly<Record<Answer, string>> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
};

export const QUESTION_IDS = [
  'frightened',
  'pastHarassment',
  'propertyDamage',
  'visits',
  'loitering',
  'threats',
  'thirdParties',
  'violence',
  'gotOthersToHelp',
  'drugsOrAlcohol',
  'pastViolence',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface Question {
  id: QuestionId;
  /** The S-DASH risk factor this question covers, in the checklist's own terms (for professionals and tests). */
  factor: string;
  /** Asked of the person being stalked. */
  text: string;
  hint: string;
  /**
   * What a "yes" means, as a sentence for the result page's list, which the person can read out or show to
   * the police so that they write it down.
   */
  statement: string;
  /** A serious factor: one "yes" is enough for a high result (see assess.ts). */
  serious: boolean;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'frightened',
    factor: 'The victim is very frightened',
    text: 'Are you very frightened of what they might do?',
    hint: 'Trust your feelings. You know this person better than anyone else does.',
    statement: 'You are very frightened of what they might do.',
    serious: true,
  },
  {
    id: 'pastHarassment',
    factor: 'Previous harassment of this or other victims',
    text: 'Have they stalked or harassed you, or anyone else, before this?',
    hint: 'For example, an ex-partner they would not leave alone, or someone they followed.',
    statement: 'They have stalked or harassed you, or someone else, before.',
    serious: false,
  },
  {
    id: 'propertyDamage',
    factor: 'Destroyed or vandalised property',
    text: 'Have they broken or damaged anything of yours?',
    hint: 'For example, your car, your door, your phone or things in your garden.',
    statement: 'They have broken or damaged things of yours.',
    serious: true,
  },
  {
    id: 'visits',
    factor: 'Visits to home or work more than three times a week',
    text: 'Do they come to your home or work more than 3 times a week?',
    hint: 'Count every time they turn up, even if they do not speak to you.',
    statement: 'They come to your home or work more than 3 times a week.',
    serious: true,
  },
  {
    id: 'loitering',
    factor: 'Loitering near home or work',
    text: 'Do they hang around near your home or work?',
    hint: 'For example, waiting outside, sitting in a car nearby or walking past again and again.',
    statement: 'They hang around near your home or work.',
    serious: false,
  },
  {
    id: 'threats',
    factor: 'Threats of physical or sexual violence',
    text: 'Have they threatened to hurt you or someone close to you?',
    hint: 'This includes threats to attack someone sexually, and threats made in messages, online or through other people.',
    statement: 'They have threatened to hurt you or someone close to you.',
    serious: true,
  },
  {
    id: 'thirdParties',
    factor: 'Harassing third parties (family, friends, colleagues, children, partners, neighbours)',
    text: 'Have they bothered people close to you?',
    hint: 'For example, your family, children, partner, friends, neighbours or people you work with.',
    statement: 'They have bothered people close to you.',
    serious: false,
  },
  {
    id: 'violence',
    factor: 'Violence towards people during this stalking',
    text: 'Since this started, have they hurt or attacked anyone?',
    hint: 'This could be you or someone else. It includes pushing, grabbing, hitting and sexual attacks.',
    statement: 'Since this started, they have hurt or attacked someone.',
    serious: true,
  },
  {
    id: 'gotOthersToHelp',
    factor: 'Getting others to help',
    text: 'Have they got other people to help them?',
    hint: 'For example, asking friends or family to watch you, pass on messages or find out where you are. The helpers may not know what is going on.',
    statement: 'They have got other people to help them.',
    serious: false,
  },
  {
    id: 'drugsOrAlcohol',
    factor: 'Known drug or alcohol misuse',
    text: 'Do they have a problem with drugs or alcohol?',
    hint: 'Answer yes if you know this, or someone has told you.',
    statement: 'They have a problem with drugs or alcohol.',
    serious: false,
  },
  {
    id: 'pastViolence',
    factor: 'Known past violence',
    text: 'Have they been violent in the past?',
    hint: 'For example, to an ex-partner, a family member or a stranger. Answer yes if you know this, or someone has told you.',
    statement: 'They have been violent in the past.',
    serious: true,
  },
];

export function questionById(id: QuestionId): Question {
  const question = QUESTIONS.find((q) => q.id === id);
  // QUESTIONS holds every QuestionId (checked by a test), so this cannot fail at run time.
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

export function isQuestionId(value: unknown): value is QuestionId {
  return typeof value === 'string' && (QUESTION_IDS as readonly string[]).includes(value);
}

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}
