import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdvocacyError, createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, failingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/Suggest',
  component: 'advocacy-suggest',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-suggest></advocacy-suggest></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const ServerFieldError: Story = {
  name: 'Server field error (send any link)',
  render: () => {
    const backend = memoryBackend();
    backend.createSuggestion = async () => {
      throw new AdvocacyError('validation', 'Invalid suggestion', {
        status: 422,
        fieldErrors: [{ field: 'url', message: 'This link was already suggested.', code: 'duplicate' }],
      });
    };
    return html`<advocacy-suggest .client=${createAdvocacyClient({ backend, storage: null })}></advocacy-suggest>`;
  },
};

export const SendFails: Story = {
  name: 'Sending fails (send any link)',
  render: () => html`<advocacy-suggest .client=${failingClient('forbidden')}></advocacy-suggest>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-suggest .client=${demoClient().client}></advocacy-suggest></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-suggest theme="dark" .client=${demoClient().client}></advocacy-suggest>`,
};
