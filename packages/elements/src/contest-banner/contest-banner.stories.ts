import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoSeed } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const DAY = 86_400_000;

const meta: Meta = {
  title: 'Components/Contest banner',
  component: 'advocacy-contest-banner',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-contest-banner></advocacy-contest-banner></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Running: Story = {};

export const Ended: Story = {
  name: 'Ended: final results',
  render: () => {
    const now = new Date();
    const seed = demoSeed(now);
    seed.contests = [
      {
        id: 'contest-summer',
        title: 'Summer sharing sprint',
        description: 'Points from shares, clicks and leads during the sprint.',
        prize: 'Two extra days off',
        scope: 'company',
        team: null,
        startsAt: new Date(now.getTime() - 40 * DAY).toISOString(),
        endsAt: new Date(now.getTime() - 3 * DAY).toISOString(),
      },
    ];
    return html`<advocacy-contest-banner .client=${demoClient({ seed }).client}></advocacy-contest-banner>`;
  },
};

export const NoContest: Story = {
  name: 'No contest (renders nothing)',
  render: () => {
    const seed = demoSeed(new Date());
    seed.contests = [];
    return html`<advocacy-contest-banner .client=${demoClient({ seed }).client}></advocacy-contest-banner>`;
  },
};

export const Loading: Story = {
  render: () => html`<advocacy-contest-banner .client=${loadingClient()}></advocacy-contest-banner>`,
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-contest-banner .client=${failingClient('server')}></advocacy-contest-banner>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-contest-banner .client=${demoClient().client}></advocacy-contest-banner></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-contest-banner theme="dark" .client=${demoClient().client}></advocacy-contest-banner>`,
};
