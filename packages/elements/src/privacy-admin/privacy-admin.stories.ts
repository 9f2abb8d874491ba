import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Privacy',
  component: 'advocacy-privacy-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-privacy-admin .client=${adminDemoClient().client}></advocacy-privacy-admin>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-privacy-admin .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-privacy-admin>`,
};

export const Error: Story = {
  render: () => html`<advocacy-privacy-admin .client=${failingAdminClient('server')}></advocacy-privacy-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-privacy-admin .client=${adminDemoClient().client}></advocacy-privacy-admin></div>`,
};
