/** What identifies a library's content: each model's id with the digest of its file. */
export function libraryDigest(
  entries: readonly { id: string; digest?: string | number | undefined }[],
): string {
  return entries
    .map((entry) => `${entry.id}:${entry.digest ?? ''}`)
    .sort()
    .join(' ');
}
