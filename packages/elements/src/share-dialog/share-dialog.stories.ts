import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { AdvocacyClient } from '@advocacy-kit/core';
import '../all.js';
import type { AdvocacyShareDialogElement } from './share-dialog.component.js';
import { demoClient } from '../../stories/fixtures.js';

/** Opens the dialog on the newest post once it is on the page. */
function openOnFirstPost(client: AdvocacyClient) {
  return ref((element) => {
    if (!element) return;
    void client.backend.listFeed({ limit: 1 }).then((page) => {
      const post = page.items[0];
      if (post) void (element as AdvocacyShareDialogElement).show(post);
    });
  });
}

function dialog(client: AdvocacyClient, options: { lang?: string; theme?: 'dark' } = {}) {
  return html`<div lang=${options.lang ?? 'en'}>
    <advocacy-share-dialog .client=${client} theme=${options.theme ?? 'light'} ${openOnFirstPost(client)}></advocacy-share-dialog>
  </div>`;
}

const meta: Meta = {
  title: 'Components/Share dialog',
  component: 'advocacy-share-dialog',
};
export default meta;

type Story = StoryObj;

export const Compose: Story = {
  render: () => dialog(demoClient().client),
};

export const PolicyFirst: Story = {
  name: 'Policy before the first share',
  render: () => dialog(demoClient({ employeeId: 'emp-tom' }).client),
};

export const Japanese: Story = {
  render: () => dialog(demoClient().client, { lang: 'ja' }),
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => dialog(demoClient().client, { theme: 'dark' }),
};

export const SlowShare: Story = {
  name: 'Slow backend (sharing state)',
  render: () => dialog(demoClient({ latencyMs: 4000 }).client),
};
