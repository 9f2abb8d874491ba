import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Suggestion queue',
  component: 'advocacy-suggestion-queue',
  tags: ['autodocs'],
  render: () => html`<advocacy-suggestion-queue .client=${adminDemoClient().client}></advocacy-suggestion-queue>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-suggestion-queue .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-suggestion-queue>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-suggestion-queue .client=${adminDemoClient({ seed: false }).client}></advocacy-suggestion-queue>`,
};

export const Error: Story = {
  render: () => html`<advocacy-suggestion-queue .client=${failingAdminClient('server')}></advocacy-suggestion-queue>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-suggestion-queue .client=${adminDemoClient().client}></advocacy-suggestion-queue></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-suggestion-queue theme="dark" .client=${adminDemoClient().client}></advocacy-suggestion-queue>`,
};
