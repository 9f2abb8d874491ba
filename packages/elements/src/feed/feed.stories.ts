import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoSeed } from '@advocacy-kit/core/memory';
import '../all.js';
import { demoClient, emptyClient, failingClient, loadingClient, longJapaneseClient } from '../../stories/fixtures.js';

const meta: Meta = {
  title: 'Components/Feed',
  component: 'advocacy-feed',
  tags: ['autodocs'],
  render: () => html`<advocacy-provider demo><advocacy-feed></advocacy-feed></advocacy-provider>`,
};
export default meta;

type Story = StoryObj;

export const Demo: Story = {};

export const Loading: Story = {
  render: () => html`<advocacy-feed .client=${loadingClient()}></advocacy-feed>`,
};

export const Empty: Story = {
  render: () => html`<advocacy-feed .client=${emptyClient()}></advocacy-feed>`,
};

export const Error: Story = {
  name: 'Error with retry',
  render: () => html`<advocacy-feed .client=${failingClient('network')}></advocacy-feed>`,
};

export const Japanese: Story = {
  render: () => html`<div lang="ja"><advocacy-feed .client=${demoClient().client}></advocacy-feed></div>`,
};

export const LongJapaneseText: Story = {
  name: 'Long Japanese text',
  render: () => html`<div lang="ja"><advocacy-feed .client=${longJapaneseClient()}></advocacy-feed></div>`,
};

export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  render: () => html`<advocacy-feed theme="dark" .client=${demoClient().client}></advocacy-feed>`,
};

/** A search for 「障害」 (two characters) finds the posts about 障害対応 and 障害検知. */
export const Search: Story = {
  render: () => {
    const { client } = demoClient();
    client.feed.setSearch('障害');
    return html`<div lang="ja"><advocacy-feed .client=${client}></advocacy-feed></div>`;
  },
};

export const NoMatch: Story = {
  name: 'Search without a match',
  render: () => {
    const { client } = demoClient();
    client.feed.setSearch('zzqx');
    return html`<advocacy-feed .client=${client}></advocacy-feed>`;
  },
};

export const AllLanguages: Story = {
  name: 'Every language',
  render: () => {
    const { client } = demoClient();
    client.feed.setAllLanguages(true);
    return html`<advocacy-feed .client=${client}></advocacy-feed>`;
  },
};

/** Pictures that fail to load: each card draws its tile, in its topic's colour and the picture's box. */
export const BrokenPictures: Story = {
  name: 'Pictures that fail to load',
  render: () => {
    const seed = demoSeed(new Date());
    for (const post of seed.posts) post.imageUrl = 'demo-images/no-such-picture.svg';
    return html`<advocacy-feed .client=${demoClient({ seed }).client}></advocacy-feed>`;
  },
};
