import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../all.js';
import { demoClient, emptyClient, failingClient, loadingClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/My stats',
  component: 'advocacy-my-stats',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-my-stats></advocacy-my-stats></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-my-stats .client=${loadingClient()}></advocacy-my-stats>`,
};

export const NoActivity: Story = {
  name: 'No activity yet',
  render: () => html`<advocacy-my-stats .client=${emptyClient()}></advocacy-my-stats>`,
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-my-stats .client=${failingClient('timeout')}></advocacy-my-stats>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-my-stats .client=${demoClient().client}></advocacy-my-stats></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-my-stats theme="dark" .client=${demoClient().client}></advocacy-my-stats>`,
};

/** A phone: the chart is drawn at the screen's width, its dates and values still 13 px and apart. */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile2', isRotated: false } },
};
