import { escapeMarkup } from './escape-markup.ts';
import type { ChangeLine, VersionView } from './history-view.ts';

/** One version of one model, as a feed tells it: all its changes, or one party's. */
export interface FeedVersion {
  modelId: string;
  /** Shown before the version in a feed across models: the model's title. */
  modelTitle?: string;
  version: VersionView;
  /** Where the version's section is (its Changes page and anchor). */
  route: string;
  /** Only this party's changes (a party's feed). */
  party?: string;
}

export interface FeedInput {
  /** Names the feed for good: `urn:onus:<parts…>:changes`. */
  id: readonly string[];
  title: string;
  entries: readonly FeedVersion[];
  /** The address of a route: absolute with the site's address, else a path. */
  urlOf: (route: string) => string;
  pageRoute: string;
  feedRoute: string;
}

const instant = (date: string | undefined) => `${date ?? '1970-01-01'}T00:00:00Z`;
const urn = (...parts: string[]) =>
  `urn:onus:${parts.map((part) => escapeMarkup(encodeURIComponent(part))).join(':')}`;

function lineHtml(line: ChangeLine, urlOf: (route: string) => string): string {
  const about = line.route
    ? `<a href="${escapeMarkup(urlOf(line.route))}">${escapeMarkup(line.about)}</a>`
    : `<strong>${escapeMarkup(line.about)}</strong>`;
  const texts = [
    line.before !== undefined ? `<p>Before: ${escapeMarkup(line.before)}</p>` : '',
    line.after !== undefined ? `<p>Now: ${escapeMarkup(line.after)}</p>` : '',
  ].join('');
  return `<li>${about}: ${escapeMarkup(line.says)}${texts}</li>`;
}

function entry(item: FeedVersion, urlOf: (route: string) => string, fallbackDate?: string) {
  const { version } = item;
  const groups = version.groups.filter(
    (group) => item.party === undefined || group.party === item.party,
  );
  const count = groups.reduce((sum, group) => sum + group.lines.length, 0);
  const body = version.first
    ? '<p>The first release in this history.</p>'
    : groups.length === 0
      ? '<p>No change to the model.</p>'
      : groups
          .map(
            (group) =>
              `<h3>${escapeMarkup(group.heading)}</h3><ul>${group.lines.map((line) => lineHtml(line, urlOf)).join('')}</ul>`,
          )
          .join('');
  const title = `${item.modelTitle ? `${item.modelTitle}: ` : ''}Version ${version.version}`;
  const id = item.party
    ? urn(item.modelId, 'version', version.version, 'party', item.party)
    : urn(item.modelId, 'version', version.version);
  return [
    '  <entry>',
    `    <id>${id}</id>`,
    `    <title>${escapeMarkup(title)}</title>`,
    `    <updated>${instant(version.date ?? fallbackDate)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeMarkup(urlOf(item.route))}"/>`,
    `    <summary>${escapeMarkup(version.first ? 'The first release in this history.' : `${count} ${count === 1 ? 'change' : 'changes'}.`)}</summary>`,
    `    <content type="html">${escapeMarkup(body)}</content>`,
    '  </entry>',
  ].join('\n');
}

/**
 * An Atom feed (RFC 4287) of changes: an entry per version, newest first, whose id stays the
 * same from build to build (`urn:onus:<model>:version:<version>`), so that a reader sees each
 * version once.
 */
export function changesFeed(input: FeedInput): string {
  const dates = input.entries.flatMap((item) => (item.version.date ? [item.version.date] : []));
  const latest = dates.sort().at(-1);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${urn(...input.id, 'changes')}</id>`,
    `  <title>${escapeMarkup(input.title)}</title>`,
    `  <updated>${instant(latest)}</updated>`,
    '  <author><name>Onus</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(input.urlOf(input.feedRoute))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(input.urlOf(input.pageRoute))}"/>`,
    ...input.entries.map((item) => entry(item, input.urlOf, latest)),
    '</feed>',
    '',
  ].join('\n');
}
