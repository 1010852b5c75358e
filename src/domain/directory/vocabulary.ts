// The words the directory filters on, with the labels the page shows beside their counts ("Stalking (7)").

export const SERVES = [
  'everyone',
  'women',
  'men',
  'lgbt',
  'young-people',
  'deaf-people',
  'professionals',
  'people-worried-about-their-own-behaviour',
] as const;
export type Serves = (typeof SERVES)[number];

export const SERVES_LABELS: Readonly<Record<Serves, string>> = {
  everyone: 'Anyone',
  women: 'Women',
  men: 'Men',
  lgbt: 'LGBT+ people',
  'young-people': 'Young people',
  'deaf-people': 'Deaf people',
  professionals: 'Professionals',
  'people-worried-about-their-own-behaviour': 'People worried about their own behaviour',
};

export const NEEDS = [
  'stalking',
  'harassment',
  'domestic-abuse',
  'online-safety',
  'advocacy',
  'emotional-support',
  'legal',
  'personal-safety',
  'practical-support',
] as const;
export type Need = (typeof NEEDS)[number];

export const NEED_LABELS: Readonly<Record<Need, string>> = {
  stalking: 'Stalking',
  harassment: 'Harassment',
  'domestic-abuse': 'Domestic abuse',
  'online-safety': 'Online safety',
  advocacy: 'Advocacy',
  'emotional-support': 'Emotional support',
  legal: 'Legal help',
  'personal-safety': 'Personal safety',
  'practical-support': 'Practical support',
};

export const CONTACT_KINDS = ['phone', 'text', 'email', 'web-chat', 'app', 'website', 'in-person', 'textphone'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Readonly<Record<ContactKind, string>> = {
  phone: 'Phone',
  text: 'Text message',
  email: 'Email',
  'web-chat': 'Web chat',
  app: 'App',
  website: 'Website',
  'in-person': 'In person',
  textphone: 'Textphone or Relay UK',
};
