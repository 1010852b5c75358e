import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBoardPageCache, NEW_TAG } from './board-page-cache.ts';

const page = (titles: string[]) => `<ul>\n${titles.map((t) => `  <li>${t}${NEW_TAG}</li>`).join('\n')}\n</ul>`;

describe('board page cache', () => {
  it('renders once per content and gives each reader their own New tags', () => {
    const cache = createBoardPageCache();
    let renders = 0;
    const render = () => (renders++, page(['A', 'B', 'C']));
    const mine = cache.get('v1', [true, false, true], render)!;
    const theirs = cache.get('v1', [false, false, false], render)!;
    expect(renders).toBe(1);
    expect(mine.identity.toString()).toBe(`<ul>\n<li>A${NEW_TAG}</li>\n<li>B</li>\n<li>C${NEW_TAG}</li>\n</ul>`);
    expect(theirs.identity.toString()).not.toContain('New');
    expect(gunzipSync(mine.gzip).toString()).toBe(mine.identity.toString());
    expect(cache.get('v1', [true, false, true], render)).toBe(mine);
    cache.get('v2', [false, false, false], render);
    expect(renders).toBe(2);
  });

  it('declines a page that does not split into one piece per topic, so the caller renders it itself', () => {
    const cache = createBoardPageCache();
    expect(cache.get('v1', [true, true], () => page(['only one']))).toBeUndefined();
  });
});
