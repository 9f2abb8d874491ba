import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoSeed } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const DAY = 86_400_000;

/** The demo company with a contest that ended last week over the demo's shares. */
function endedClient() {
  const now = Date.now();
  const seed = demoSeed(new Date(now));
  seed.contests = [
    {
      id: 'contest-summer',
      title: 'Summer sprint',
      description: '',
      prize: 'Team lunch',
      translations: { ja: { title: '夏のスプリント', prize: 'チームランチ' } },
      scope: 'company',
      team: null,
      startsAt: new Date(now - 40 * DAY).toISOString(),
      endsAt: new Date(now - 7 * DAY).toISOString(),
    },
  ];
  return demoClient({ seed }).client;
}

const meta: Meta = {
  title: 'Components/Contest results',
  component: 'advocacy-contest-results',
  tags: ['autodocs'],
  render: () => html`<advocacy-contest-results .client=${endedClient()}></advocacy-contest-results>`,
};
export default meta;

type Story = StoryObj;

export const Ended: Story = { name: 'A contest that ended last week' };

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-contest-results .client=${endedClient()}></advocacy-contest-results></div>`,
};

export const Empty: Story = {
  name: 'No contest ended (the demo’s sprint is still running)',
  render: () => html`<advocacy-contest-results .client=${demoClient().client}></advocacy-contest-results>`,
};

export const Loading: Story = { render: () => html`<advocacy-contest-results .client=${loadingClient()}></advocacy-contest-results>` };

export const Error: Story = { render: () => html`<advocacy-contest-results .client=${failingClient()}></advocacy-contest-results>` };
