import type { Activity, Party } from '../model/index.ts';

/** Mark for a responsible party's cell; empty otherwise. */
export const CSV_MARK = 'x';

/**
 * The matrix as CSV (RFC 4180: CRLF line ends, fields quoted when they need it, quotes
 * doubled): area path, activity, one column per party, url. A field that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR) is prefixed with `'`, as OWASP advises.
 */
export function matrixCsv(
  parties: readonly Party[],
  activities: readonly Activity[],
  urlOf: (activityId: string) => string,
): string {
  const header = ['Area', 'Activity', ...parties.map((party) => party.name), 'URL'];
  const rows = activities.map((activity) => [
    activity.path.join(' > '),
    activity.title,
    ...parties.map((party) => (activity.parties.includes(party.id) ? CSV_MARK : '')),
    urlOf(activity.id),
  ]);
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
