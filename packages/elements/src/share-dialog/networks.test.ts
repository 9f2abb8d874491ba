import { expect } from '@open-wc/testing';
import type { Post } from '@advocacy-kit/core';
import { demoSeed } from '@advocacy-kit/core/memory';
import * as en from '../i18n/en.js';
import { availableNetworks, sharedLength } from './networks.js';

const post = (networks: Post['networks']): Post => ({ ...demoSeed(new Date()).posts[0]!, networks });

describe('share networks', () => {
  it('offers only the networks the post allows', () => {
    const choices = availableNetworks(post(['linkedin', 'x']), en.share, 'en');
    expect(choices.map((choice) => choice.id)).to.deep.equal(['linkedin', 'x']);
    expect(choices.find((choice) => choice.id === 'linkedin')).to.include({ label: 'LinkedIn', urlOnly: true, opensWindow: true });
    expect(choices.find((choice) => choice.id === 'x')).to.include({ urlOnly: false, limit: 280 });
  });

  it('offers every network but the share sheet when the post names none and the device has no navigator.share', () => {
    const ids = availableNetworks(post([]), en.share, 'en').map((choice) => choice.id);
    expect(ids).to.include.members(['linkedin', 'x', 'facebook', 'line', 'hatena', 'email', 'copy']);
    expect(ids).not.to.include('native');
  });

  it('counts the words and the link as X does: any link is 23', () => {
    expect(sharedLength('x', 'Hello')).to.equal(5 + 1 + 23);
    expect(sharedLength('x', 'こんにちは')).to.equal(10 + 1 + 23);
  });
});
