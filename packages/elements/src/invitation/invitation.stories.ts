import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoSeed } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/Invitation',
  component: 'advocacy-invitation',
  tags: ['autodocs'],
  render: () => html`<advocacy-invitation .client=${demoClient({ employeeId: 'emp-tom' }).client}></advocacy-invitation>`,
};
export default meta;

type Story = StoryObj;

export const Invited: Story = {};

export const Declined: Story = {
  render: () => {
    const { client, backend } = demoClient({ employeeId: 'emp-tom' });
    void backend.respondToInvitation!('decline');
    return html`<advocacy-invitation .client=${client}></advocacy-invitation>`;
  },
};

export const NotInvited: Story = {
  name: 'Not invited (invitation enrollment)',
  render: () =>
    html`<advocacy-invitation
      .client=${demoClient({ employeeId: 'emp-kenji', seed: { ...demoSeed(), members: [], enrollment: 'invitation' } }).client}
    ></advocacy-invitation>`,
};

export const Member: Story = {
  name: 'Member (renders nothing)',
  render: () => html`<advocacy-invitation .client=${demoClient({ employeeId: 'emp-kenji' }).client}></advocacy-invitation>`,
};

export const Loading: Story = {
  render: () => html`<advocacy-invitation .client=${loadingClient()}></advocacy-invitation>`,
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-invitation .client=${failingClient('server')}></advocacy-invitation>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja">
    <advocacy-invitation .client=${demoClient({ employeeId: 'emp-tom' }).client}></advocacy-invitation>
  </div>`,
};
