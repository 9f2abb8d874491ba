import { expect } from '@open-wc/testing';
import type { Post } from '@advocacy-kit/core';
import { demoSeed } from '@advocacy-kit/core/memory';
import * as shareDialogStrings from './share-dialog.strings.js';
import { availableNetworks, sharedLength } from './networks.js';

const post = (networks: Post['networks']): Post => ({ ...demoSeed(new Date()).posts[0]!, networks });

describe('share networks', () => {
  it('offers only the networks the post allows', () => {
    const choices = availableNetworks(post(['linkedin', 'x']), shareDialogStrings.en, 'en');
    expect(choices.map((choice) => choice.id)).to.deep.equal(['linkedin', 'x']);
    expect(choices.find((choice) => choice.id === 'linkedin')).to.include({ label: 'LinkedIn', urlOnly: true, opensWindow: true });
    expect(choices.find((choice) => choice.id === 'x')).to.include({ urlOnly: false, limit: 280 });
  });

  it('offers every network but the share sheet when the post names none and the device has no navigator.share', () => {
    const ids = availableNetworks(post([]), shareDialogStrings.en, 'en').map((choice) => choice.id);
    expect(ids).to.include.members(['linkedin', 'x', 'facebook', 'line', 'hatena', 'email', 'copy']);
    expect(ids).not.to.include('native');
  });

  it('names the brands as they name themselves, and words the rest in the reader’s language', () => {
    const label = (lang: string, id: string) =>
      availableNetworks(post([]), lang.startsWith('ja') ? shareDialogStrings.ja : shareDialogStrings.en, lang).find(
        (choice) => choice.id === id,
      )?.label;
    expect([label('en', 'hatena'), label('en', 'email'), label('en', 'xing')]).to.deep.equal(['Hatena Bookmark', 'Email', 'XING']);
    expect([label('ja-JP', 'hatena'), label('ja', 'email'), label('ja', 'line')]).to.deep.equal(['はてなブックマーク', 'メール', 'LINE']);
  });

  it('counts the words and the link as X does: any link is 23', () => {
    expect(sharedLength('x', 'Hello')).to.equal(5 + 1 + 23);
    expect(sharedLength('x', 'こんにちは')).to.equal(10 + 1 + 23);
  });
});
