// Links into the guidance pages. Anchors are the pages' heading ids (slugify in
// src/server/features/guidance/markdown.ts); links.test.ts checks each one exists.
import type { GuidanceLink } from './model.ts';

export const LINKS = {
  harassment: { href: '/understand/the-law#harassment-section-2', text: 'Read about harassment (section 2)' },
  stalking: { href: '/understand/the-law#stalking-section-2a', text: 'Read about stalking (section 2A)' },
  fearOfViolence: {
    href: '/understand/the-law#putting-you-in-fear-of-violence-section-4',
    text: 'Read about fear of violence (section 4)',
  },
  stalkingFearOrDistress: {
    href: '/understand/the-law#stalking-with-fear-of-violence-or-serious-alarm-or-distress-section-4a',
    text: 'Read about stalking with fear of violence or serious alarm or distress (section 4A)',
  },
  protectionOrder: { href: '/understand/the-law#stalking-protection-orders', text: 'Read about Stalking Protection Orders' },
  courseOfConduct: { href: '/understand/is-this-stalking#it-only-needs-to-happen-twice', text: 'Why it only needs to happen twice' },
  effects: { href: '/understand/is-this-stalking#what-it-does-to-you-matters', text: 'Why what it does to you matters' },
  behaviours: { href: '/understand/stalking-behaviours', text: 'Stalking behaviours' },
  whatToWrite: { href: '/record/keeping-a-record#what-to-write-each-time', text: 'What to write each time' },
  saveEvidence: { href: '/record/keeping-a-record#save-the-evidence', text: 'Save the evidence' },
  whenYouReport: { href: '/record/keeping-a-record#when-you-report', text: 'When you report' },
  crimeReference: { href: '/get-help/report-to-the-police#your-crime-reference-number', text: 'Your crime reference number' },
  helpline: { href: '/get-help/national-stalking-helpline', text: 'The National Stalking Helpline' },
} as const satisfies Record<string, GuidanceLink>;
