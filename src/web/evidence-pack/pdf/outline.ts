// The PDF's bookmarks: each section, and each entry under "The entries in full", so a reader can jump to
// entry 734 of a 500-page pack from the viewer's sidebar.

import type { PDFDict, PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName, PDFNumber } from 'pdf-lib';

export interface OutlineItem {
  readonly title: string;
  readonly page: PDFPage;
  /** The top of the item on its page. */
  readonly y: number;
  readonly children: OutlineItem[];
}

export function outlineItem(title: string, page: PDFPage, y: number): OutlineItem {
  return { title, page, y, children: [] };
}

export function addOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  if (items.length === 0) return;
  const context = doc.context;
  const root = context.nextRef();
  const { first, last, count } = addLevel(doc, items, root);
  context.assign(root, context.obj({ Type: 'Outlines', First: first, Last: last, Count: count }));
  doc.catalog.set(PDFName.of('Outlines'), root);
}

function addLevel(doc: PDFDocument, items: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } {
  const context = doc.context;
  const refs = items.map(() => context.nextRef());
  const count = items.length;
  items.forEach((item, i) => {
    const dict: PDFDict = context.obj({
      Parent: parent,
      Dest: [item.page.ref, 'XYZ', null, Math.round(item.y + 14), null],
    });
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    if (item.children.length > 0) {
      const children = addLevel(doc, item.children, refs[i]!);
      dict.set(PDFName.of('First'), children.first);
      dict.set(PDFName.of('Last'), children.last);
      // Negative: the entries start folded, so the sidebar opens on the sections.
      dict.set(PDFName.of('Count'), PDFNumber.of(-children.count));
    }
    context.assign(refs[i]!, dict);
  });
  return { first: refs[0]!, last: refs[refs.length - 1]!, count };
}
