import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import type { Catalogue } from '../../domain/content-parity/index.ts';
import { fill } from '../../domain/messages/fill.ts';
import { SECTIONS } from '../features/guidance/index.ts';
import { PATHS } from '../paths.ts';
import { pluralPhrase } from '../shared/plural-phrase.ts';
import type { AssetManifest } from './assets.ts';
import { currentUrl, notInWelshYetLinks } from './english-only.ts';
import { JS_ENABLED_SCRIPT } from './inline-script.ts';
import { LANGUAGES, type Language, loadMessages } from './messages.ts';

export interface Views {
  render(template: string, context: Record<string, unknown>): string;
}

export interface ViewOptions {
  assets: AssetManifest;
  exitUrl: string;
}

const viewsDir = PATHS.views;
const govukDir = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

// Footer links, by catalogue key. Welsh pages link the Welsh twin (/cy + path) of every page that has one;
// `englishOnly` pages keep their English address and say so, in the link text and with hreflang.
const FOOTER_LINKS = [
  { href: '/about', key: 'about' },
  { href: '/about/for-professionals', key: 'forProfessionals' },
  { href: '/training', key: 'training', englishOnly: true },
  { href: '/about/supporting-the-helpline', key: 'support' },
  { href: '/about/press-enquiries', key: 'press' },
  { href: '/about/accessibility', key: 'accessibility' },
  { href: '/about/privacy', key: 'privacy' },
  { href: '/about/cookies', key: 'cookies' },
  { href: '/search', key: 'search' },
] as const;

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDateCy = new Intl.DateTimeFormat('cy', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function createViews({ assets, exitUrl }: ViewOptions): Views {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([viewsDir, govukDir], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addGlobal('asset', (name: string) => assets.url(name));
  env.addGlobal('exitUrl', exitUrl);
  env.addGlobal('jsEnabledScript', JS_ENABLED_SCRIPT);
  // A catalogue sentence with {name} holes filled: `fill` with text (escaped as usual), `fillHtml` with markup
  // the template built (links); the sentence itself is escaped, so a catalogue can never inject markup.
  env.addFilter('fill', (phrase: string, values: Record<string, string | number>) => fill(phrase, values));
  env.addFilter(
    'fillHtml',
    (phrase: string, values: Record<string, string | number>) =>
      new nunjucks.runtime.SafeString(fill(String(env.getFilter('escape')(phrase)), values)),
  );
  // A count's whole phrase in the page's language (pluralPhrase): `forms | plural(count, lang)`.
  env.addFilter('plural', (forms: Catalogue, count: number, lang?: string) => pluralPhrase(forms, lang === 'cy' ? 'cy' : 'en', count));
  env.addFilter('longDate', (iso: string, lang?: string) => (lang === 'cy' ? longDateCy : longDate).format(new Date(`${iso}T00:00:00Z`)));
  const guidance = loadMessages('guidance');
  const areas = {
    layout: loadMessages('layout'),
    search: loadMessages('search'),
    errors: loadMessages('errors'),
    forums: loadMessages('forums'),
  };
  // Built once per language: the guidance catalogue at the top (as before) and each other area under its name.
  const catalogues = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      {
        ...guidance[language],
        ...Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[language]])),
      },
    ]),
  ) as unknown as Record<Language, Record<string, unknown>>;
  const footerLinks = Object.fromEntries(
    LANGUAGES.map((language) => {
      const texts = (areas.layout[language].footer as Record<string, Record<string, string>>).links!;
      return [
        language,
        FOOTER_LINKS.map((link) => ({
          href: language === 'en' || ('englishOnly' in link && link.englishOnly) ? link.href : `/${language}${link.href}`,
          text: texts[link.key],
          englishOnly: language !== 'en' && 'englishOnly' in link && link.englishOnly,
        })),
      ];
    }),
  );

  return {
    render(template, context) {
      const current = typeof context.currentSection === 'string' ? context.currentSection : undefined;
      // A page in Welsh passes lang "cy": its chrome comes from the Welsh catalogue and its sections are under /cy.
      const lang = context.lang === 'cy' ? 'cy' : 'en';
      const t = catalogues[lang];
      const sectionTitles = t.sections as Record<string, string>;
      const navigation = SECTIONS.filter((s) => s.inNavigation).map((s) => ({
        href: lang === 'en' ? `/${s.id}` : `/${lang}/${s.id}`,
        text: lang === 'en' ? s.title : (sectionTitles[s.id] ?? s.title),
        active: s.id === current,
      }));
      const home = lang === 'en' ? '/' : `/${lang}`;
      // An English page with no Welsh twin yet still offers "Cymraeg", which says so in Welsh.
      const url = lang === 'en' && context.languages === undefined ? currentUrl.getStore() : undefined;
      const notYet = url ? notInWelshYetLinks(url) : undefined;
      return env.render(template, { navigation, t, footerLinks: footerLinks[lang], homeHref: home, ...notYet, ...context, lang });
    },
  };
}
