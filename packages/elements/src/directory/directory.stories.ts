import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Employee directory',
  component: 'advocacy-directory',
  tags: ['autodocs'],
  render: () => html`<advocacy-directory .client=${adminDemoClient().client}></advocacy-directory>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-directory .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-directory>`,
};

export const Error: Story = {
  render: () => html`<advocacy-directory .client=${failingAdminClient('server')}></advocacy-directory>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-directory .client=${adminDemoClient().client}></advocacy-directory></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-directory theme="dark" .client=${adminDemoClient().client}></advocacy-directory>`,
};
