import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** GitHub's alerts, by the marker that opens them, with the label a reader sees. */
export const ALERTS = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
} as const;

/** `[!NOTE]` and the rest, at the start of a quote's first line. */
export const ALERT_MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

/**
 * `> [!NOTE]` as GitHub shows it: the quote becomes an alert whose first line says what kind
 * it is in words (not only a colour), in print too. Runs after sanitizing: the classes are ours.
 */
export function rehypeAlerts() {
  return (tree: Root) => {
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'blockquote') return;
      const first = element.children.find((child): child is Element => child.type === 'element');
      const text = first?.tagName === 'p' ? first.children[0] : undefined;
      if (text?.type !== 'text') return;
      const marker = ALERT_MARKER.exec(text.value);
      if (!marker) return;
      const kind = marker[1]!.toLowerCase() as keyof typeof ALERTS;
      text.value = text.value.slice(marker[0].length);
      const emptied = first!.children.length === 1 && text.value.trim() === '';
      const title: ElementContent = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['alert-title'] },
        children: [{ type: 'text', value: ALERTS[kind] }],
      };
      element.tagName = 'div';
      element.properties = { className: ['alert', `alert-${kind}`] };
      element.children = [
        title,
        ...element.children.filter((child) => !(emptied && child === first)),
      ];
    });
  };
}
