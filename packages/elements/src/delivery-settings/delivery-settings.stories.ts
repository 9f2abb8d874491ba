import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../admin.js';
import { adminDemoClient, failingAdminClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Admin/Delivery settings',
  component: 'advocacy-delivery-settings',
  tags: ['autodocs'],
  render: () => html`<advocacy-delivery-settings .client=${adminDemoClient().client}></advocacy-delivery-settings>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Configured: Story = {
  render: () => {
    const { client, backend } = adminDemoClient();
    void backend.admin.updateDeliverySettings!({
      smtpHost: 'smtp.example.com',
      fromAddress: 'advocacy@example.com',
      smtpUser: 'advocacy',
      smtpPassword: 'stored',
      slackUrl: 'https://hooks.slack.com/services/T000/B000/XXXX',
      routes: { digest: ['email', 'slack'] },
    }).then(() => backend.admin.testDelivery!({ channel: 'slack' }));
    return html`<advocacy-delivery-settings .client=${client}></advocacy-delivery-settings>`;
  },
};

export const Loading: Story = {
  render: () => html`<advocacy-delivery-settings .client=${adminDemoClient({ latencyMs: 60_000 }).client}></advocacy-delivery-settings>`,
};

export const Error: Story = {
  render: () => html`<advocacy-delivery-settings .client=${failingAdminClient('server')}></advocacy-delivery-settings>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-delivery-settings .client=${adminDemoClient().client}></advocacy-delivery-settings></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-delivery-settings theme="dark" .client=${adminDemoClient().client}></advocacy-delivery-settings>`,
};
