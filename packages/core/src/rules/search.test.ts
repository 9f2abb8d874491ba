import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesSearch, searchDocument, searchTerms } from './search.js';

const post = {
  title: '生成AIは障害対応をどう変えるか',
  summary: 'Ｃｌｏｕｄ operations, surveyed',
  suggestedCommentary: { ja: { default: '現場の本音', x: 'ｶﾀｶﾅ' }, en: { linkedin: 'Worth a read' } },
};
const doc = searchDocument(post);
const finds = (query: string) => matchesSearch(doc, searchTerms(query));

describe('search rule', () => {
  it('finds a two-character Japanese term inside a longer word (障害 in 障害対応)', () => {
    assert.equal(finds('障害'), true);
    assert.equal(finds('障'), true);
  });
  it('matches Latin text case-insensitively and full-width letters as their ASCII form', () => {
    assert.equal(finds('CLOUD'), true);
    assert.equal(finds('cloud Operations'), true);
  });
  it('reads the summary and every suggested commentary, half-width kana as full-width', () => {
    assert.equal(finds('本音'), true);
    assert.equal(finds('カタカナ'), true);
    assert.equal(finds('worth read'), true);
  });
  it('needs every term, and a term never spans two fields', () => {
    assert.equal(finds('障害 nothing'), false);
    assert.equal(finds('かsurveyed'), false);
    assert.equal(finds('surveyed現場'), false);
  });
  it('splits on any white space, the ideographic space included; a blank query matches all', () => {
    assert.deepEqual(searchTerms('  障害\u3000対応  AI '), ['障害', '対応', 'ai']);
    assert.deepEqual(searchTerms('   '), []);
    assert.equal(finds(''), true);
  });
});
