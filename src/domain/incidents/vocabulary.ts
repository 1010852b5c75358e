// The fixed lists an incident draws on, each with the plain label the diary shows. Ids are stored inside
// encrypted entries for years, so they never change; labels may.

export const METHOD_KINDS = [
  'in-person',
  'phone-call',
  'text-message',
  'social-media',
  'email',
  'letter',
  'through-other-people',
  'tracking',
  'other',
] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

export const METHOD_LABELS: Readonly<Record<MethodKind, string>> = {
  'in-person': 'In person',
  'phone-call': 'Phone call',
  'text-message': 'Text message',
  'social-media': 'Social media',
  email: 'Email',
  letter: 'Letter or note',
  'through-other-people': 'Through other people',
  tracking: 'Tracking device or app',
  other: 'Another way',
};

export const PERSON_ROLES = ['stalker', 'witness', 'police-officer', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABELS: Readonly<Record<PersonRole, string>> = {
  stalker: 'The person stalking or harassing you',
  witness: 'Someone who saw or heard it',
  'police-officer': 'Police officer',
  other: 'Someone else',
};

// PHA 1997 s.4A(1)(b)(ii): serious alarm or distress with a substantial adverse effect on usual day-to-day
// activities. These are the changes the guidance (is-this-stalking, keeping-a-record) asks people to note.
export const DAILY_LIFE_CHANGES = [
  'changed-route',
  'changed-or-left-work',
  'stopped-going-out',
  'sleep',
  'moved-home',
  'changed-phone',
  'extra-security',
  'time-off',
  'health',
  'other',
] as const;
export type DailyLifeChange = (typeof DAILY_LIFE_CHANGES)[number];

export const DAILY_LIFE_CHANGE_LABELS: Readonly<Record<DailyLifeChange, string>> = {
  'changed-route': 'I changed my route or routine',
  'changed-or-left-work': 'I changed or left my job or studies',
  'stopped-going-out': 'I stopped going out or seeing people',
  sleep: 'I cannot sleep properly',
  'moved-home': 'I moved home or stayed somewhere else',
  'changed-phone': 'I changed my phone, number or accounts',
  'extra-security': 'I added locks, cameras or other security',
  'time-off': 'I took time off work or school',
  health: 'My health was affected',
  other: 'Something else changed',
};

export const REPORT_TARGETS = ['police', 'platform', 'employer', 'other'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const REPORT_TARGET_LABELS: Readonly<Record<ReportTarget, string>> = {
  police: 'The police',
  platform: 'A website or app',
  employer: 'An employer, school or college',
  other: 'Someone else',
};

/** Size bounds (threat model T7). Exported so forms can show how much room is left. */
export const LIMITS = {
  idLength: 64,
  whatHappened: 20_000,
  where: 500,
  shortText: 120,
  mediumText: 500,
  longText: 5_000,
  crimeReference: 64,
  behaviours: 40,
  methods: 12,
  people: 50,
  reports: 20,
  attachments: 100,
  aliases: 20,
  fileName: 255,
  fileType: 255,
  /** An imported incident's messages: with their texts, the item stays well inside the vault's 1.5 MiB envelope. */
  importMessages: 500,
  importText: 200_000,
  importUrl: 4_000,
  importSender: 320,
  importLocator: 200,
  importKey: 200,
  importAttachmentNames: 20,
  /** The vault stores up to 250 chunks of 1 MiB each. */
  fileBytes: 250 * 1024 * 1024,
} as const;
