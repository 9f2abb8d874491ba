import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Content list',
  component: 'advocacy-content-list',
  tags: ['autodocs'],
  render: () => html`<advocacy-content-list .client=${adminDemoClient().client}></advocacy-content-list>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-content-list .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-content-list>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-content-list .client=${adminDemoClient({ seed: false }).client}></advocacy-content-list>`,
};

export const Error: Story = {
  render: () => html`<advocacy-content-list .client=${failingAdminClient('server')}></advocacy-content-list>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-content-list .client=${adminDemoClient().client}></advocacy-content-list></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-content-list theme="dark" .client=${adminDemoClient().client}></advocacy-content-list>`,
};
