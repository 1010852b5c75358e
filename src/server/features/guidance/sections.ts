/** The site's sections: the five pillars in navigation order, then "about". URLs are /<id> and /<id>/<slug>. */
export interface Section {
  id: string;
  title: string;
  /** Shown in the main navigation. */
  inNavigation: boolean;
}

export const SECTIONS: readonly Section[] = [
  { id: 'understand', title: 'Understand', inNavigation: true },
  { id: 'record', title: 'Record', inNavigation: true },
  { id: 'get-help', title: 'Get help', inNavigation: true },
  { id: 'talk', title: 'Talk to someone', inNavigation: true },
  { id: 'stay-safe', title: 'Stay safe', inNavigation: true },
  { id: 'about', title: 'About', inNavigation: false },
];
