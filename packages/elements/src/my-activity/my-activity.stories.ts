import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../all.js';
import { demoClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/My activity',
  component: 'advocacy-my-activity',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-my-activity></advocacy-my-activity></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Points: Story = {
  name: 'The points ledger, told in words',
  render: () => html`<advocacy-my-activity tab="points" .client=${demoClient().client}></advocacy-my-activity>`,
};

export const Suggestions: Story = {
  name: 'Suggestions with the reviewer’s reason',
  render: () => html`<advocacy-my-activity tab="suggestions" .client=${demoClient().client}></advocacy-my-activity>`,
};

export const Preferences: Story = {
  render: () => html`<advocacy-my-activity tab="preferences" .client=${demoClient().client}></advocacy-my-activity>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-my-activity .client=${demoClient().client}></advocacy-my-activity></div>`,
};

export const Newcomer: Story = {
  name: 'Empty: a newcomer who has not shared yet',
  render: () => html`<advocacy-my-activity .client=${demoClient({ employeeId: 'emp-tom' }).client}></advocacy-my-activity>`,
};

export const Loading: Story = {
  render: () => html`<advocacy-my-activity .client=${loadingClient()}></advocacy-my-activity>`,
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-my-activity .client=${failingClient('server')}></advocacy-my-activity>`,
};
