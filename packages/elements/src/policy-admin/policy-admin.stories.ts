import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Policy',
  component: 'advocacy-policy-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-policy-admin .client=${adminDemoClient().client}></advocacy-policy-admin>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-policy-admin .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-policy-admin>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-policy-admin .client=${adminDemoClient({ seed: false }).client}></advocacy-policy-admin>`,
};

export const Error: Story = {
  render: () => html`<advocacy-policy-admin .client=${failingAdminClient('server')}></advocacy-policy-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-policy-admin .client=${adminDemoClient().client}></advocacy-policy-admin></div>`,
};
