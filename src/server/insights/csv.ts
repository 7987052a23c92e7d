import type { InsightsTable } from './tables.ts';

/**
 * RFC 4180 CSV with a header row. Queries and comments are typed by readers, so a cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, return) is prefixed with an apostrophe.
 */
export function toCsv(table: InsightsTable): string {
  const cell = (value: string | number) => {
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
