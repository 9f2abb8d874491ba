import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../all.js';
import { demoClient } from '../../stories/fixtures.js';

/** The demo company with the anonymous leaderboard on. */
function anonymousClient() {
  const { client, backend } = demoClient();
  void backend.as('emp-haruka').admin.setLeaderboardSettings!({ anonymous: true, top: 10 });
  return client;
}

const meta: Meta = {
  title: 'Components/Leaderboard visibility',
  component: 'advocacy-leaderboard-visibility',
  tags: ['autodocs'],
  render: () =>
    html`<advocacy-provider .client=${anonymousClient()}
      ><advocacy-leaderboard></advocacy-leaderboard><advocacy-leaderboard-visibility></advocacy-leaderboard-visibility
    ></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Anonymous: Story = { name: 'Anonymous leaderboard: the opt-in switch' };

export const Japanese: Story = {
  render: () =>
    html`<div lang="ja">
      <advocacy-provider .client=${anonymousClient()}><advocacy-leaderboard-visibility></advocacy-leaderboard-visibility></advocacy-provider>
    </div>`,
};

export const Named: Story = {
  name: 'Named leaderboard: nothing to show',
  render: () =>
    html`<advocacy-provider .client=${demoClient().client}><advocacy-leaderboard-visibility></advocacy-leaderboard-visibility></advocacy-provider>`,
};
