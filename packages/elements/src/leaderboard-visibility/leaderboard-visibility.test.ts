import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyLeaderboardElement } from '../leaderboard/leaderboard.component.js';
import type { AdvocacyLeaderboardVisibilityElement } from './leaderboard-visibility.component.js';
import { find, shadow, testClient, textOf, untilText } from '../../test/helpers.js';
import '../all.js';

async function mount(client: AdvocacyClient, lang = 'en') {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <advocacy-provider .client=${client}>
        <advocacy-leaderboard></advocacy-leaderboard>
        <advocacy-leaderboard-visibility></advocacy-leaderboard-visibility>
      </advocacy-provider>
    </div>`,
  );
  return {
    board: wrapper.querySelector<AdvocacyLeaderboardElement>('advocacy-leaderboard')!,
    visibility: wrapper.querySelector<AdvocacyLeaderboardVisibilityElement>('advocacy-leaderboard-visibility')!,
  };
}

async function anonymousProgram() {
  const { client, backend } = testClient();
  await backend.as('emp-haruka').admin.setLeaderboardSettings!({ anonymous: true, top: 10 });
  return { client, backend };
}

describe('<advocacy-leaderboard-visibility>', () => {
  it('shows nothing while the leaderboard names everyone', async () => {
    const { client } = testClient();
    const { board, visibility } = await mount(client);
    await find(board, '[part~="row"]');
    expect(shadow(visibility).querySelector('[role="switch"]')).to.equal(null);
  });

  it('on an anonymous leaderboard, the employee opts in from the keyboard and is then listed by name', async () => {
    const { client, backend } = await anonymousProgram();
    const { board, visibility } = await mount(client);
    const toggle = await find<HTMLInputElement>(visibility, '[role="switch"]');
    await waitUntil(() => !toggle.disabled, 'the opt-in loaded');
    expect(toggle.checked).to.equal(false);
    expect(textOf(visibility)).to.contain('Show my name on the leaderboard');
    await expect(visibility).to.be.accessible();
    const listed = () => shadow(board).querySelector('ol.list:not(.mine) [part~="me"]') !== null;
    expect(listed(), 'not listed by name before opting in').to.equal(false);

    toggle.focus();
    await sendKeys({ press: 'Space' });
    await untilText(visibility, 'Your name is now shown on the leaderboard.');
    expect((await backend.getPreferences!()).showOnLeaderboard).to.equal(true);
    await waitUntil(listed, 'listed by name after opting in');
    expect(toggle.getAttribute('aria-checked')).to.equal('true');

    await sendKeys({ press: 'Space' });
    await untilText(visibility, 'Your name is no longer shown on the leaderboard.');
    await waitUntil(() => !listed(), 'off the list again');
    await expect(visibility).to.be.accessible();
  });

  it('keeps the switch where it was and says so when saving fails', async () => {
    const { client, backend } = await anonymousProgram();
    const { visibility } = await mount(client);
    const toggle = await find<HTMLInputElement>(visibility, '[role="switch"]');
    await waitUntil(() => !toggle.disabled);
    backend.fail('network');
    toggle.click();
    await untilText(visibility, 'We couldn’t save that.');
    expect(toggle.checked).to.equal(false);
  });

  it('speaks Japanese', async () => {
    const { client } = await anonymousProgram();
    const { visibility } = await mount(client, 'ja');
    await find(visibility, '[role="switch"]');
    expect(textOf(visibility)).to.contain('ランキングに名前を表示する');
    await expect(visibility).to.be.accessible();
  });
});
