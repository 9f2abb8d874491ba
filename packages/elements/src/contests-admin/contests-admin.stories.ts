import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Contests',
  component: 'advocacy-contests-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-contests-admin .client=${adminDemoClient().client}></advocacy-contests-admin>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Error: Story = {
  render: () => html`<advocacy-contests-admin .client=${failingAdminClient('server')}></advocacy-contests-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-contests-admin .client=${adminDemoClient().client}></advocacy-contests-admin></div>`,
};
