import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHttpUrl } from './url.js';

describe('isHttpUrl', () => {
  it('takes absolute http and https URLs', () => {
    for (const url of ['https://example.com/post', 'http://example.com', 'HTTPS://EXAMPLE.COM/a?b#c', '  https://example.com/padded  ']) {
      assert.equal(isHttpUrl(url), true, url);
    }
  });

  it('refuses every other scheme, however it is written, and what is not an absolute URL', () => {
    const refused = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '  \tjavascript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://example.com/0f1e',
      'file:///etc/passwd',
      'mailto:someone@example.com',
      '//example.com/protocol-relative',
      '/relative/path',
      'https//example.com',
      '',
      null,
      undefined,
      42,
      { toString: () => 'https://example.com' },
    ];
    for (const value of refused) assert.equal(isHttpUrl(value), false, String(value));
  });

  it('resolves a relative URL against a base: a page’s http(s) address makes it one of its own', () => {
    const page = 'https://intranet.example.com/portal/';
    assert.equal(isHttpUrl('/avatars/7.png', page), true);
    assert.equal(isHttpUrl('//cdn.example.com/a.png', page), true);
    assert.equal(isHttpUrl(' JaVaScRiPt:alert(1)', page), false);
    assert.equal(isHttpUrl('data:image/png;base64,AAAA', page), false);
    assert.equal(isHttpUrl('/avatars/7.png', 'file:///srv/page.html'), false);
  });
});
