import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, failingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/My data',
  component: 'advocacy-my-data',
  tags: ['autodocs'],
  render: () => html`<advocacy-my-data .client=${demoClient().client}></advocacy-my-data>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-my-data .client=${demoClient().client}></advocacy-my-data></div>`,
};

export const Unsupported: Story = {
  name: 'Backend without a data export',
  render: () => {
    const { getMyExport: _unused, ...backend } = memoryBackend();
    return html`<advocacy-my-data .client=${createAdvocacyClient({ backend, storage: null })}></advocacy-my-data>`;
  },
};

export const Error: Story = {
  name: 'Export fails',
  render: () => html`<advocacy-my-data .client=${failingClient('server')}></advocacy-my-data>`,
};
