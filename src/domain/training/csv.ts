/**
 * CSV for spreadsheets (RFC 4180, CRLF lines). A cell that starts with = + - @, a tab or a carriage return is
 * read as a formula by Excel, LibreOffice and Google Sheets, so a booker could type "=HYPERLINK(…)" as their
 * organisation and have it run on a staff computer: such cells get a leading apostrophe, which the spreadsheet
 * shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return csvRow(header) + rows.map(csvRow).join('');
}
