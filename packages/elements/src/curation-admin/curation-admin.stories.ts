import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Curated sources',
  component: 'advocacy-curation-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-curation-admin .client=${adminDemoClient().client}></advocacy-curation-admin>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Error: Story = {
  render: () => html`<advocacy-curation-admin .client=${failingAdminClient('server')}></advocacy-curation-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-curation-admin .client=${adminDemoClient().client}></advocacy-curation-admin></div>`,
};

export const Dark: Story = {
  render: () => html`<advocacy-curation-admin theme="dark" .client=${adminDemoClient().client}></advocacy-curation-admin>`,
};
