import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Analytics',
  component: 'advocacy-analytics',
  tags: ['autodocs'],
  render: () => html`<advocacy-analytics .client=${adminDemoClient().client}></advocacy-analytics>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-analytics .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-analytics>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-analytics .client=${adminDemoClient({ seed: false }).client}></advocacy-analytics>`,
};

export const Error: Story = {
  render: () => html`<advocacy-analytics .client=${failingAdminClient('server')}></advocacy-analytics>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-analytics .client=${adminDemoClient().client}></advocacy-analytics></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-analytics theme="dark" .client=${adminDemoClient().client}></advocacy-analytics>`,
};

/** A phone: charts are drawn at the screen's width, their labels still 13 px and apart. */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile2', isRotated: false } },
};
