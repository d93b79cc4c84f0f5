import { escapeMarkup } from './escape-markup.ts';
import type { ChangeLine, VersionView } from './history-view.ts';

export interface FeedInput {
  /** The model's id, which names the feed and its entries for good. */
  modelId: string;
  title: string;
  versions: readonly VersionView[];
  /** The address of a route: absolute with the site's address, else a path. */
  urlOf: (route: string) => string;
  changesRoute: string;
  feedRoute: string;
}

const instant = (date: string | undefined) => `${date ?? '1970-01-01'}T00:00:00Z`;

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

/**
 * The Atom feed (RFC 4287) of a model's changes: an entry per version, newest first, whose id
 * stays the same from build to build (`urn:onus:<model>:version:<version>`), so that a reader
 * sees each version once.
 */
export function changesFeed(input: FeedInput): string {
  const updated = instant(input.versions.find((version) => version.date)?.date);
  const entries = input.versions.map((version) => {
    const body = version.first
      ? '<p>The first release in this history.</p>'
      : version.groups.length === 0
        ? '<p>No change to the model.</p>'
        : version.groups
            .map(
              (group) =>
                `<h3>${escapeMarkup(group.heading)}</h3><ul>${group.lines.map((line) => lineHtml(line, input.urlOf)).join('')}</ul>`,
            )
            .join('');
    const count = version.groups.reduce((sum, group) => sum + group.lines.length, 0);
    return [
      '  <entry>',
      `    <id>urn:onus:${escapeMarkup(input.modelId)}:version:${escapeMarkup(encodeURIComponent(version.version))}</id>`,
      `    <title>${escapeMarkup(`Version ${version.version}`)}</title>`,
      `    <updated>${instant(version.date ?? input.versions.find((other) => other.date)?.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(`${input.urlOf(input.changesRoute)}#${version.anchor}`)}"/>`,
      `    <summary>${escapeMarkup(version.first ? 'The first release in this history.' : `${count} ${count === 1 ? 'change' : 'changes'}, for each party.`)}</summary>`,
      `    <content type="html">${escapeMarkup(body)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:onus:${escapeMarkup(input.modelId)}:changes</id>`,
    `  <title>${escapeMarkup(`Changes to ${input.title}`)}</title>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Onus</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(input.urlOf(input.feedRoute))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(input.urlOf(input.changesRoute))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
