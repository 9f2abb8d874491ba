import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../all.js';

const meta: Meta = {
  title: 'Components/Provider',
  component: 'advocacy-provider',
  tags: ['autodocs'],
};
export default meta;

type Story = StoryObj;

export const DemoPortal: Story = {
  name: 'A portal page on the demo company',
  render: () => html`<style>
      .portal {
        display: grid;
        gap: 16px;
      }
    </style>
    <advocacy-provider demo>
    <div class="portal">
      <advocacy-my-stats></advocacy-my-stats>
      <advocacy-leaderboard></advocacy-leaderboard>
      <advocacy-feed></advocacy-feed>
    </div>
  </advocacy-provider>`,
};

export const TwoProviders: Story = {
  name: 'Two providers on one page',
  render: () => html`<advocacy-provider demo><advocacy-leaderboard></advocacy-leaderboard></advocacy-provider>
    <div lang="ja"><advocacy-provider demo><advocacy-leaderboard></advocacy-leaderboard></advocacy-provider></div>`,
};
