import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import type { AssetManifest } from './assets.ts';
import { JS_ENABLED_SCRIPT } from './inline-script.ts';
import { loadMessages } from './messages.ts';
import { SECTIONS } from '../features/guidance/sections.ts';
import { PATHS } from '../paths.ts';

export interface Views {
  render(template: string, context: Record<string, unknown>): string;
}

export interface ViewOptions {
  assets: AssetManifest;
  exitUrl: string;
}

const viewsDir = PATHS.views;
const govukDir = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

const FOOTER_LINKS = [
  { href: '/about', text: 'About Casebook' },
  { href: '/about/for-professionals', text: 'For professionals' },
  { href: '/training', text: 'Training' },
  { href: '/about/supporting-the-helpline', text: 'Support the helpline' },
  { href: '/about/press-enquiries', text: 'Press' },
  { href: '/about/accessibility', text: 'Accessibility' },
  { href: '/about/privacy', text: 'Privacy' },
  { href: '/about/cookies', text: 'Cookies' },
  { href: '/search', text: 'Search' },
];

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
  env.addGlobal('footerLinks', FOOTER_LINKS);
  env.addFilter('longDate', (iso: string, lang?: string) => (lang === 'cy' ? longDateCy : longDate).format(new Date(`${iso}T00:00:00Z`)));
  const messages = loadMessages('guidance');

  return {
    render(template, context) {
      const current = typeof context.currentSection === 'string' ? context.currentSection : undefined;
      // A page in Welsh passes lang "cy": its chrome comes from the Welsh catalogue and its sections are under /cy.
      const lang = context.lang === 'cy' ? 'cy' : 'en';
      const t = messages[lang];
      const sectionTitles = t.sections as Record<string, string>;
      const navigation = SECTIONS.filter((s) => s.inNavigation).map((s) => ({
        href: lang === 'en' ? `/${s.id}` : `/${lang}/${s.id}`,
        text: lang === 'en' ? s.title : (sectionTitles[s.id] ?? s.title),
        active: s.id === current,
      }));
      return env.render(template, { navigation, t, ...context, lang });
    },
  };
}
