import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Point rules',
  component: 'advocacy-point-rules-admin',
  tags: ['autodocs'],
  render: () => html`<advocacy-point-rules-admin .client=${adminDemoClient().client}></advocacy-point-rules-admin>`,
};
export default meta;

type Story = StoryObj;

/** The defaults, no versions yet. */
export const Demo: Story = {};

/** A current version and one scheduled for next month (editable, deletable). */
export const WithVersions: Story = {
  render: () => {
    const { client, backend } = adminDemoClient();
    void (async () => {
      await backend.admin.createPointRules!({ rules: { points: { click: 6 } }, note: 'Clicks count more' });
      await backend.admin.createPointRules!({
        rules: { points: { share: 12 }, networkWeights: { copy: 0.1 } },
        effectiveFrom: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        note: 'Next quarter',
      });
    })();
    return html`<advocacy-point-rules-admin .client=${client}></advocacy-point-rules-admin>`;
  },
};

export const Error: Story = {
  render: () => html`<advocacy-point-rules-admin .client=${failingAdminClient('server')}></advocacy-point-rules-admin>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-point-rules-admin .client=${adminDemoClient().client}></advocacy-point-rules-admin></div>`,
};
