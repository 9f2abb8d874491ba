import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Goals',
  component: 'advocacy-goals',
  tags: ['autodocs'],
  render: () => html`<advocacy-goals .client=${adminDemoClient().client}></advocacy-goals>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-goals .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-goals>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-goals .client=${adminDemoClient({ seed: false }).client}></advocacy-goals>`,
};

export const Error: Story = {
  render: () => html`<advocacy-goals .client=${failingAdminClient('server')}></advocacy-goals>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-goals .client=${adminDemoClient().client}></advocacy-goals></div>`,
};

/** A phone: each goal's chart is drawn at the screen's width, its labels one legible size. */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile2', isRotated: false } },
};
