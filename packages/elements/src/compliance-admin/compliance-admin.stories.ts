import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Compliance',
  component: 'advocacy-compliance-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-compliance-admin .client=${adminDemoClient().client}></advocacy-compliance-admin>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-compliance-admin .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-compliance-admin>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-compliance-admin .client=${adminDemoClient({ seed: false }).client}></advocacy-compliance-admin>`,
};

export const Error: Story = {
  render: () => html`<advocacy-compliance-admin .client=${failingAdminClient('server')}></advocacy-compliance-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-compliance-admin .client=${adminDemoClient().client}></advocacy-compliance-admin></div>`,
};
