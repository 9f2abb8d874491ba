import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Members',
  component: 'advocacy-members',
  tags: ['autodocs'],
  render: () => html`<advocacy-members .client=${adminDemoClient().client}></advocacy-members>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-members .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-members>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-members .client=${adminDemoClient({ seed: false }).client}></advocacy-members>`,
};

export const Error: Story = {
  render: () => html`<advocacy-members .client=${failingAdminClient('server')}></advocacy-members>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-members .client=${adminDemoClient().client}></advocacy-members></div>`,
};
