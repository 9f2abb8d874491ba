import { expect, fixture, html } from '@open-wc/testing';
import { resolveLang } from './lang.js';

describe('resolveLang', () => {
  it('takes the nearest lang attribute, walking out of shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="ja"><span></span></div>`);
    const host = outer.querySelector('span')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('b');
    root.append(inner);
    expect(resolveLang(inner)).to.equal('ja');
  });

  it('falls back to <html lang>', async () => {
    const element = await fixture<HTMLDivElement>(html`<div></div>`);
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'en-GB';
    try {
      expect(resolveLang(element)).to.equal('en-GB');
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it('falls back to the browser language without any lang attribute', async () => {
    const element = await fixture<HTMLDivElement>(html`<div></div>`);
    const previous = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      expect(resolveLang(element)).to.equal(navigator.language);
    } finally {
      if (previous !== null) document.documentElement.setAttribute('lang', previous);
    }
  });
});
