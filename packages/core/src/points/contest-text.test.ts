import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contestText } from './contest-text.js';

const contest = {
  title: 'Spring sprint',
  description: 'Share the most in April.',
  prize: 'A day off',
  translations: { ja: { title: '春のスプリント', prize: '特別休暇1日' }, 'en-GB': { prize: 'A day’s holiday' } },
};

describe('contestText', () => {
  it('takes each field from the locale, then its language, then the default text', () => {
    assert.deepEqual(contestText(contest, 'ja-JP'), {
      title: '春のスプリント',
      description: 'Share the most in April.',
      prize: '特別休暇1日',
    });
    assert.deepEqual(contestText(contest, 'en-GB'), {
      title: 'Spring sprint',
      description: 'Share the most in April.',
      prize: 'A day’s holiday',
    });
    assert.deepEqual(contestText(contest, 'fr'), { title: 'Spring sprint', description: 'Share the most in April.', prize: 'A day off' });
    assert.deepEqual(contestText({ ...contest, translations: undefined }, 'ja'), contestText(contest, 'de'));
  });
});
