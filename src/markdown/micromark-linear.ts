import type { Event, Resolver } from 'micromark-util-types';
import { splice } from 'micromark-util-chunked';
import { EditMap } from 'micromark-util-edit-map';
import { reportProgress } from './progress.ts';

/**
 * micromark closes every list item through `EditMap.consume`, which rebuilds the document's
 * whole event list each time (micromark/lib/initialize/document.js): parsing a matrix grows
 * with the square of its items — 5 s for 10,000 activities. Its edits sit near the end of the
 * list, so applying them in place, last first (which keeps the earlier indices right), gives
 * the same events in linear time. Imported for its effect by every module that parses Markdown.
 */
EditMap.prototype.consume = function consume(events) {
  this.map.sort((a, b) => a[0] - b[0]);
  for (let index = this.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = this.map[index]!;
    splice(events, at, remove, add);
  }
  this.map.length = 0;
  this.index.clear();
};

/**
 * micromark's text resolver merges each run of adjacent `data` tokens with a `splice` of the
 * whole event list (micromark/lib/initialize/text.js), so a paragraph of many failed link
 * starts (`[a]("` a line) costs the square of its length: 14 s for 2.4 MB. Merging every run in
 * one pass first leaves it nothing to splice: the same events in linear time.
 */
function mergeDataRuns(events: Event[]): void {
  let write = 0;
  for (let read = 0; read < events.length; read++) {
    const event = events[read]!;
    const runStart = write - 2;
    const previous = runStart >= 0 ? events[runStart] : undefined;
    if (
      event[0] === 'enter' &&
      event[1].type === 'data' &&
      previous?.[0] === 'enter' &&
      previous[1].type === 'data' &&
      events[write - 1]![1] === previous[1] &&
      events[read + 1]?.[1] === event[1]
    ) {
      // Extend the previous data token over this one, and drop this one's enter and exit.
      previous[1].end = event[1].end;
      read++;
      continue;
    }
    events[write++] = event;
  }
  events.length = write;
}

// micromark does not export its text initializer: its file is imported by its own URL.
const textModule = (await import(
  /* @vite-ignore */ new URL('lib/initialize/text.js', import.meta.resolve('micromark')).href
)) as Record<'resolver' | 'string' | 'text', { resolveAll?: Resolver }>;
for (const construct of [textModule.resolver, textModule.string, textModule.text]) {
  const resolveAll = construct.resolveAll!;
  construct.resolveAll = (events, context) => {
    reportProgress(events[0]?.[1].start.line);
    mergeDataRuns(events);
    return resolveAll(events, context);
  };
}
