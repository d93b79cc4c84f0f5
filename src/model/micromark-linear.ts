import { splice } from 'micromark-util-chunked';
import { EditMap } from 'micromark-util-edit-map';

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
