import type { Element, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { anchorsOutsideTheRule, lazyView } from '../../src/export/lazy-views.ts';
import { viewOfAnchor } from '../../src/site/links.ts';

function h(
  tagName: string,
  properties: Properties | string = {},
  children: Element[] = [],
): Element {
  return typeof properties === 'string'
    ? { type: 'element', tagName, properties: {}, children: [{ type: 'text', value: properties }] }
    : { type: 'element', tagName, properties, children };
}

const view = (id: string, ...children: Element[]) =>
  h('section', { className: ['view'], id, dataTitle: 'A title' }, children);

describe('lazyView', () => {
  it('should keep a view as the text of a noscript named after it', () => {
    const html = lazyView(view('backups', h('h1', 'Backups')));
    expect(html).toBe(
      '<noscript data-view="backups"><section class="view" id="backups" data-title="A title"><h1>Backups</h1></section></noscript>',
    );
  });

  it('should not let markup end the noscript early, in text or in an attribute', () => {
    const hostile = '</noscript><img src=x onerror=alert(1)>';
    const html = lazyView(
      h('section', { className: ['view'], id: 'x', dataTitle: hostile }, [h('h1', hostile)]),
    );
    expect(html.match(/<\/noscript/gi)).toHaveLength(1);
    // Parsed as a browser does with scripting off, the view and its text are intact.
    const parsed = fromHtml(html, { fragment: true });
    expect(select('section', parsed)?.properties.dataTitle).toBe(hostile);
    expect(select('img', parsed)).toBeUndefined();
  });
});

describe('the anchors of views', () => {
  it('should place `<view>__<anchor>` in its view and a view id in itself', () => {
    expect(viewOfAnchor('_matrix__area-network')).toBe('_matrix');
    expect(viewOfAnchor('backups__party-customer')).toBe('backups');
    expect(viewOfAnchor('backups')).toBe('backups');
  });

  it('should list only the anchors the rule would misplace, such as former ids', () => {
    const views = [
      view('backups', h('span', { id: 'old-backups' }), h('h2', { id: 'backups__notes' })),
      view(
        '_matrix',
        h('tr', { id: '_matrix__area-x' }, [h('th', {}, [h('span', { id: 'old' })])]),
      ),
    ];
    expect(JSON.parse(anchorsOutsideTheRule(views))).toEqual({
      'old-backups': 'backups',
      old: '_matrix',
    });
  });
});
