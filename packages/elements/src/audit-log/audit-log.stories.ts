import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

/** The demo admin after a few audited changes: a post created, renamed and archived, the click retention set. */
function auditedClient() {
  const { client, backend } = adminDemoClient();
  void (async () => {
    const post = await backend.admin.createPost({
      kind: 'owned',
      title: 'Our Q3 results',
      summary: '',
      url: 'https://example.com/q3',
      locale: 'en',
    });
    await backend.admin.updatePost(post.id, { title: 'Our Q3 results, explained' });
    await backend.admin.archivePost(post.id);
    await backend.admin.updatePrivacySettings!({ clickRetentionDays: 180 });
  })();
  return client;
}

const meta: Meta = {
  title: 'Admin/Audit log',
  component: 'advocacy-audit-log',
  tags: ['autodocs'],
  render: () => html`<advocacy-audit-log .client=${auditedClient()}></advocacy-audit-log>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-audit-log .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-audit-log>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-audit-log .client=${adminDemoClient().client}></advocacy-audit-log>`,
};

export const Error: Story = {
  render: () => html`<advocacy-audit-log .client=${failingAdminClient('server')}></advocacy-audit-log>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-audit-log .client=${auditedClient()}></advocacy-audit-log></div>`,
};
