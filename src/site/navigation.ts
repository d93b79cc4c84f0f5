/** An entry of the site's navigation: a page, or an anchor on it. */
export interface NavEntry {
  label: string;
  route: string;
  hash?: string;
}

/**
 * Past this many parties, the navigation names the first ones and leads to all of them on the
 * overview: every page carries it, so a model of a thousand parties must not put a thousand
 * links on each of its pages.
 */
export const NAV_PARTIES = 6;

/** The parties' entries of the navigation: each one's page, or the first and a link to all. */
export function partyEntries<P extends { name: string; short?: string | undefined }>(
  parties: readonly P[],
  route: (party: P) => string,
  /** The page listing every party, at its `#parties` anchor. */
  all: string,
): NavEntry[] {
  const entry = (party: P) => ({ label: party.short ?? party.name, route: route(party) });
  if (parties.length <= NAV_PARTIES) return parties.map(entry);
  return [
    ...parties.slice(0, NAV_PARTIES - 1).map(entry),
    { label: `All ${parties.length.toLocaleString('en')} parties`, route: all, hash: 'parties' },
  ];
}
