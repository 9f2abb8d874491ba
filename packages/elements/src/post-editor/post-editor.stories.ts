import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdvocacyError, createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import { createAdminClient } from '@advocacy-kit/core/admin';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Post editor',
  component: 'advocacy-post-editor',
  tags: ['autodocs'],
  render: () => html`<advocacy-post-editor .client=${adminDemoClient().client}></advocacy-post-editor>`,
};
export default meta;

type Story = StoryObj;

export const NewPost: Story = {};

export const EditPost: Story = {
  render: () => {
    const { client } = adminDemoClient();
    const editor = document.createElement('advocacy-post-editor');
    editor.client = client;
    // The first post of the content list's store, as a host would pick it from the list.
    const stop = createAdminClient(client).contents.store.subscribe(({ items }) => {
      if (items[0]) {
        editor.post = items[0];
        queueMicrotask(stop);
      }
    });
    return editor;
  },
};

export const ServerFieldError: Story = {
  name: 'Server field error (publish any link)',
  render: () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka' });
    backend.admin.createPost = async () => {
      throw new AdvocacyError('validation', 'Invalid post', {
        status: 422,
        fieldErrors: [{ field: 'url', message: 'This link is already a post.', code: 'duplicate' }],
      });
    };
    return html`<advocacy-post-editor .client=${createAdvocacyClient({ backend, storage: null })}></advocacy-post-editor>`;
  },
};

export const SaveFails: Story = {
  name: 'Saving fails (publish any link)',
  render: () => html`<advocacy-post-editor .client=${failingAdminClient('server')}></advocacy-post-editor>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-post-editor .client=${adminDemoClient().client}></advocacy-post-editor></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-post-editor theme="dark" .client=${adminDemoClient().client}></advocacy-post-editor>`,
};
