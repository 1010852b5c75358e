// The diary's "see the pattern" views, for the app to mount once a record is unlocked:
//   PatternsView: charts of how often, what and when, each with a summary in words and a table.
//   LegalElementsPanel: which parts of the law the record may support, as guidance, never legal advice.
// Neither renders a page heading: the screen that mounts them gives one, and headingLevel (default 2) sets the
// level of their own headings under it. Styles: _patterns.scss, used by src/web/vault/_vault.scss.

export type { HeadingLevel } from './chart-figure.tsx';
export { GUIDANCE_LABEL, LegalElementsPanel } from './legal-elements-panel.tsx';
export { MIN_INCIDENTS_FOR_CHARTS, PatternsView } from './patterns-view.tsx';
