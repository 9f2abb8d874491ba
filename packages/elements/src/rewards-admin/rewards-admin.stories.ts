import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient, seedRewards } from '../../stories/fixtures.js';

/** The admin demo with the rewards catalogue and a pending request. */
function rewardsAdminClient(options: Parameters<typeof adminDemoClient>[0] = {}) {
  const { client, backend } = adminDemoClient(options);
  void seedRewards(backend);
  return client;
}

const meta: Meta = {
  title: 'Admin/Rewards',
  component: 'advocacy-rewards-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-rewards-admin .client=${rewardsAdminClient()}></advocacy-rewards-admin>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-rewards-admin .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-rewards-admin>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-rewards-admin .client=${adminDemoClient().client}></advocacy-rewards-admin>`,
};

export const Error: Story = {
  render: () => html`<advocacy-rewards-admin .client=${failingAdminClient('server')}></advocacy-rewards-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-rewards-admin .client=${rewardsAdminClient()}></advocacy-rewards-admin></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-rewards-admin theme="dark" .client=${rewardsAdminClient()}></advocacy-rewards-admin>`,
};
