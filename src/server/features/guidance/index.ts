// The guidance's contract for other features and the site's set-up: the loaded pages, their sections and languages.
export { type ContentStore, loadContent, type Page } from './content-store.ts';
export { languageLinksOf } from './languages.ts';
export { SECTIONS } from './sections.ts';
