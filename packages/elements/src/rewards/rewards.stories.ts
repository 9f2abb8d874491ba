import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../all.js';
import { demoClient, failingClient, seedRewards } from '../../stories/fixtures.js';

/** A demo client with the rewards catalogue (created before the component first loads). */
function rewardsClient(options: Parameters<typeof demoClient>[0] = {}) {
  const { client, backend } = demoClient(options);
  void seedRewards(backend);
  return client;
}

const meta: Meta = {
  title: 'Components/Rewards',
  component: 'advocacy-rewards',
  tags: ['autodocs'],
  render: () => html`<advocacy-rewards .client=${rewardsClient()}></advocacy-rewards>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-rewards .client=${demoClient({ latencyMs: 60_000 }).client}></advocacy-rewards>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-rewards .client=${demoClient().client}></advocacy-rewards>`,
};

export const Error: Story = {
  render: () => html`<advocacy-rewards .client=${failingClient('server')}></advocacy-rewards>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-rewards .client=${rewardsClient()}></advocacy-rewards></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-rewards theme="dark" .client=${rewardsClient()}></advocacy-rewards>`,
};
