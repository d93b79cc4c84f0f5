import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, safeHref, urlScheme } from '../../src/markdown/link-urls.ts';

describe('the link allow-list', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav\rascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'blob:https://example.com/x',
    'x-custom+scheme.1:payload',
  ])('should refuse %j', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(false);
    expect(safeHref(url)).toBeUndefined();
  });

  it.each([
    'https://example.com/a?b#c',
    'HTTP://EXAMPLE.COM',
    'mailto:a@example.com',
    '../activities/a-1/',
    '/matrix/',
    '#frag',
    '?query',
    'java%3Ascript:alert(1)'.replace('java%3Ascript:', 'java%3Ascript%3A'),
    '',
  ])('should allow %j', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(true);
  });

  it('should read a scheme as a browser does', () => {
    expect(urlScheme('\t JaVa\tScript:x')).toBe('javascript');
    expect(urlScheme('a/b:c')).toBeUndefined();
    expect(urlScheme('1http:x')).toBeUndefined();
  });
});
