import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Topics and teams',
  component: 'advocacy-taxonomy-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-taxonomy-admin .client=${adminDemoClient().client}></advocacy-taxonomy-admin>`,
};
export default meta;

type Story = StoryObj;

export const Topics: Story = {};

export const Teams: Story = {
  render: () => html`<advocacy-taxonomy-admin kind="teams" .client=${adminDemoClient().client}></advocacy-taxonomy-admin>`,
};

export const Loading: Story = {
  render: () => html`<advocacy-taxonomy-admin .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-taxonomy-admin>`,
};

/** A fresh install: no topics yet, the admin adds the first. */
export const Empty: Story = {
  render: () => html`<advocacy-taxonomy-admin .client=${adminDemoClient({ seed: false }).client}></advocacy-taxonomy-admin>`,
};

export const Error: Story = {
  render: () => html`<advocacy-taxonomy-admin .client=${failingAdminClient('server')}></advocacy-taxonomy-admin>`,
};

export const Japanese: Story = {
  render: () =>
    html`<div lang="ja"><advocacy-taxonomy-admin kind="teams" .client=${adminDemoClient().client}></advocacy-taxonomy-admin></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-taxonomy-admin theme="dark" .client=${adminDemoClient().client}></advocacy-taxonomy-admin>`,
};
