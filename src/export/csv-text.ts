/**
 * Rows as CSV (RFC 4180: CRLF line ends, fields quoted when they need it, quotes doubled). A
 * field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with `'`, as OWASP advises. Pure: the browser writes "my stack" with it too.
 */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
