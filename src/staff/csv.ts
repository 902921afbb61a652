// CSV for staff downloads: every cell quoted, and never read as a formula by a spreadsheet.
export type CsvValue = string | number | undefined;

export function csvCell(value: CsvValue): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Headers are the code's own words, written as they are; every value is a quoted cell. */
export function csv(header: string[], rows: CsvValue[][]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
