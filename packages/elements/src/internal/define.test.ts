import { expect } from '@open-wc/testing';
import { defineElement, getTagPrefix, setTagPrefix, tagFor } from './define.js';

describe('defineElement', () => {
  it('defines a tag that is free', () => {
    class First extends HTMLElement {}
    defineElement('test-define-free', First);
    expect(customElements.get('test-define-free')).to.equal(First);
  });

  it('keeps the first definition and warns once when another copy registers the same tag', () => {
    class Original extends HTMLElement {}
    class FromAnotherCopy extends HTMLElement {}
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('test-define-taken', Original);
      expect(() => defineElement('test-define-taken', FromAnotherCopy)).not.to.throw();
      expect(() => defineElement('test-define-taken', FromAnotherCopy)).not.to.throw();
      defineElement('test-define-taken', Original);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('test-define-taken')).to.equal(Original);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<test-define-taken> is already defined');
  });
});

describe('tag prefix', () => {
  it('resolves base names under the configured prefix and rejects invalid ones', () => {
    const before = getTagPrefix();
    try {
      expect(tagFor('feed')).to.equal(`${before}-feed`);
      setTagPrefix('acme');
      expect(tagFor('share-dialog')).to.equal('acme-share-dialog');
      expect(() => setTagPrefix('Not Valid')).to.throw(TypeError);
    } finally {
      setTagPrefix(before);
    }
  });
});
