import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../all.js';
import { demoClient, emptyClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/Leaderboard',
  component: 'advocacy-leaderboard',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-leaderboard></advocacy-leaderboard></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const OutsideTheTop: Story = {
  name: 'Signed-in employee outside the top 10',
  render: () => html`<advocacy-leaderboard .client=${demoClient({ employeeId: 'emp-tom' }).client}></advocacy-leaderboard>`,
};

export const Loading: Story = {
  render: () => html`<advocacy-leaderboard .client=${loadingClient()}></advocacy-leaderboard>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-leaderboard .client=${emptyClient()}></advocacy-leaderboard>`,
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-leaderboard .client=${failingClient('server')}></advocacy-leaderboard>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-leaderboard .client=${demoClient().client}></advocacy-leaderboard></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-leaderboard theme="dark" .client=${demoClient().client}></advocacy-leaderboard>`,
};
