import type { Catalogue } from '../../../domain/content-parity/index.ts';
import { LANGUAGES, type Language, loadMessages } from '../../setup/messages.ts';
import type { ContentStore } from './content-store.ts';

let messages: Record<Language, Catalogue> | undefined;
const text = (language: Language, key: 'name' | 'switchTo') => {
  messages ??= loadMessages('guidance');
  return (messages[language].language as Record<string, string>)[key]!;
};

/**
 * The same guidance page in every language: `hreflang` alternates for the head, and the items of GOV.UK's
 * Language navigation, which the layout puts where GOV.UK does, at the end of the service navigation (so
 * Exit this page stays the first thing after the skip link and the logo in the tab order). The choice lives only in the URL (/cy/...), never in a cookie or
 * storage, so nothing on the device says which pages were read (T1).
 */
export function languageLinks(key: string, current: Language, stores: Record<Language, ContentStore>) {
  return languageLinksOf(
    LANGUAGES.flatMap((language) => {
      const page = stores[language].get(key);
      return page ? [{ language, href: page.path }] : [];
    }),
    current,
  );
}

/** The same for any page that is not guidance: its address in each language it exists in ("/search", "/cy/search"). */
export function languageLinksOf(versions: readonly { language: Language; href: string }[], current: Language) {
  if (versions.length < 2) return { alternates: [], languages: undefined };
  return {
    alternates: [
      ...versions.map((v) => ({ hreflang: v.language, href: v.href })),
      { hreflang: 'x-default', href: versions.find((v) => v.language === 'en')?.href ?? versions[0]!.href },
    ],
    languages: versions.map((v) =>
      v.language === current
        ? { text: text(v.language, 'name'), lang: v.language, current: true }
        : { text: text(v.language, 'name'), lang: v.language, href: v.href, languageDescriptionText: text(v.language, 'switchTo') },
    ),
  };
}
