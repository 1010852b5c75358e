// Every chart comes with the same numbers as a table, for screen readers and for anyone who prefers one.

export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}
