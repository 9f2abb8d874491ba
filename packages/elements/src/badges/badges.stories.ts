import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/Badges',
  component: 'advocacy-badges',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-badges></advocacy-badges></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Newcomer: Story = {
  name: 'A newcomer: every badge still to earn, with progress',
  render: () => html`<advocacy-badges .client=${demoClient({ employeeId: 'emp-tom' }).client}></advocacy-badges>`,
};

export const Loading: Story = {
  render: () => html`<advocacy-badges .client=${loadingClient()}></advocacy-badges>`,
};

export const Empty: Story = {
  name: 'Backend without badges',
  render: () => {
    const { listMyBadges: _unused, ...backend } = memoryBackend();
    return html`<advocacy-badges .client=${createAdvocacyClient({ backend, storage: null })}></advocacy-badges>`;
  },
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-badges .client=${failingClient('server')}></advocacy-badges>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-badges .client=${demoClient().client}></advocacy-badges></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-badges theme="dark" .client=${demoClient().client}></advocacy-badges>`,
};
