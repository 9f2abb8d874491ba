import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/SCIM settings',
  component: 'advocacy-scim-settings',
  tags: ['autodocs'],
  render: () => html`<advocacy-scim-settings .client=${adminDemoClient().client}></advocacy-scim-settings>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const WithTokens: Story = {
  render: () => {
    const { client, backend } = adminDemoClient();
    void backend.admin.createScimToken!().then(() => backend.admin.createScimToken!());
    return html`<advocacy-scim-settings .client=${client}></advocacy-scim-settings>`;
  },
};

export const Loading: Story = {
  render: () => html`<advocacy-scim-settings .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-scim-settings>`,
};

export const Error: Story = {
  render: () => html`<advocacy-scim-settings .client=${failingAdminClient('server')}></advocacy-scim-settings>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-scim-settings .client=${adminDemoClient().client}></advocacy-scim-settings></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-scim-settings theme="dark" .client=${adminDemoClient().client}></advocacy-scim-settings>`,
};
