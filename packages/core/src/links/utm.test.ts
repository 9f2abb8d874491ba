import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUtm, trackedDestination, withUtm } from './utm.js';

describe('UTM helpers', () => {
  it('adds or replaces UTM parameters and keeps the others and the fragment', () => {
    assert.equal(
      withUtm('https://example.com/post?id=1&utm_source=old#top', { source: 'x', medium: 'employee_advocacy', term: 'ai' }),
      'https://example.com/post?id=1&utm_source=x&utm_medium=employee_advocacy&utm_term=ai#top',
    );
  });

  it('reads the parameters a URL carries, and null without utm_source', () => {
    assert.deepEqual(parseUtm('https://example.com/?utm_source=linkedin&utm_content=s1'), {
      source: 'linkedin',
      medium: '',
      content: 's1',
    });
    assert.equal(parseUtm('https://example.com/?utm_medium=email'), null);
  });

  it('builds the destination of a tracking link', () => {
    const url = trackedDestination({
      url: 'https://example.com/a?b=1',
      network: 'x',
      postId: 'p1',
      shareId: 's1',
      referralCode: 'Xk3aB9_-qLm2',
    });
    assert.equal(
      url,
      'https://example.com/a?b=1&utm_source=x&utm_medium=employee_advocacy&utm_campaign=p1&utm_content=s1&adv_ref=Xk3aB9_-qLm2',
    );
    assert.deepEqual(parseUtm(url), { source: 'x', medium: 'employee_advocacy', campaign: 'p1', content: 's1' });
  });
});
