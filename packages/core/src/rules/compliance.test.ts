import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockedTermsIn, disclosureFor, withDisclosure } from './compliance.js';

const terms = (...list: string[]) => list.map((term) => ({ term }));

describe('blocked terms', () => {
  it('match Latin terms case-insensitively, NFKC-normalised, as whole words', () => {
    assert.deepEqual(blockedTermsIn('Our GUARANTEED returns', terms('guaranteed')), terms('guaranteed'));
    assert.deepEqual(blockedTermsIn('ｇｕａｒａｎｔｅｅｄ returns', terms('Guaranteed')), terms('Guaranteed'));
    assert.deepEqual(blockedTermsIn('first class service', terms('ass')), []);
    assert.deepEqual(blockedTermsIn('insider   trading tips', terms('insider trading')), terms('insider trading'));
    assert.deepEqual(blockedTermsIn('insider-trading', terms('insider')), terms('insider'));
  });

  it('match Japanese terms anywhere, since words have no spaces between them', () => {
    assert.deepEqual(blockedTermsIn('この商品は絶対に儲かるです', terms('絶対に儲かる', '未公開')), terms('絶対に儲かる'));
    // Half-width katakana is the same term after NFKC.
    assert.deepEqual(blockedTermsIn('ｲﾝｻｲﾀﾞｰ情報', terms('インサイダー')), terms('インサイダー'));
  });

  it('ignore empty terms', () => {
    assert.deepEqual(blockedTermsIn('anything', terms('', '  ')), []);
  });
});

describe('disclosure and hashtags', () => {
  it('are appended once, and applying again changes nothing', () => {
    const once = withDisclosure('Worth a read.', '#employee', ['ai', '#cloud']);
    assert.equal(once, 'Worth a read. #employee #ai #cloud');
    assert.equal(withDisclosure(once, '#employee', ['ai', 'cloud']), once);
  });

  it('are not added again when the words carry them in another case', () => {
    assert.equal(withDisclosure('#Employee here, #AI', '#employee', ['ai']), '#Employee here, #AI');
    assert.equal(withDisclosure('#employees', '#employee', []), '#employees #employee');
  });

  it('make the whole text when there are no words, and leave words alone when nothing is required', () => {
    assert.equal(withDisclosure('', '#社員', []), '#社員');
    assert.equal(withDisclosure('  hi  ', '', []), '  hi  ');
  });

  it('come from the locale, its language, then English', () => {
    const disclosures = { en: '#employee', ja: '#社員' };
    assert.equal(disclosureFor(disclosures, 'ja-JP'), '#社員');
    assert.equal(disclosureFor(disclosures, 'fr'), '#employee');
    assert.equal(disclosureFor({}, 'fr'), '');
  });
});
