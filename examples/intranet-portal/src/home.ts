// The home page: set-up first (session, text), then the components. The page's own text is in the
// HTML already (src/prerender.ts) and paints first; the provider, its client and the components
// above the fold come next, one task each, so no single task holds the main thread for all of them,
// nor for the scripts' evaluation as well; the rest as they come near (src/define-when-near.ts).
import './styles.css';
import { configureProvider } from './home-setup.js';
import {
  AdvocacyContestBannerElement,
  AdvocacyFeedElement,
  AdvocacyInvitationElement,
  AdvocacyProviderElement,
  defineElement,
  tagFor,
} from '@advocacy-kit/elements';
import './section-bar.js';
import { defineWhenNear } from './define-when-near.js';

/** Lets the browser paint and answer input before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Builds a component's style sheets (parses its CSS, design tokens included), which its first
 * upgrade would otherwise do in the same task as its first render. Lit keeps each sheet it built.
 */
type Styles = CSSStyleSheet | { readonly styleSheet: CSSStyleSheet | undefined } | readonly Styles[];
function parseStyles(styles: Styles | undefined): void {
  if (styles instanceof CSSStyleSheet || styles === undefined) return;
  if ('styleSheet' in styles) void styles.styleSheet;
  else for (const style of styles) parseStyles(style);
}

/**
 * Asks for the feed's posts and topics: its stores fetch when they get their first subscriber,
 * which would otherwise be the feed's first update, in the same task as its first render. The
 * returned function lets go once the feed holds the stores itself (they stay loaded meanwhile).
 */
function requestFeed(provider: AdvocacyProviderElement): () => void {
  const client = provider.activeClient;
  if (!client) return () => {};
  const stops = [client.feed.store.listen(() => {}), client.topics.store.listen(() => {})];
  return () => stops.forEach((stop) => stop());
}

const provider = document.querySelector<AdvocacyProviderElement>(tagFor('provider'))!;
await nextTask();
// Its upgrade and first render, without settings, hence without a client yet…
defineElement(tagFor('provider'), AdvocacyProviderElement);
await nextTask();
// …which its next update builds (backend, stores, event queue), in a task of its own.
configureProvider(provider);
await nextTask();
const releaseFeed = requestFeed(provider);
await nextTask();
parseStyles(AdvocacyFeedElement.styles);
await nextTask();
defineElement(tagFor('feed'), AdvocacyFeedElement);
releaseFeed();
// Each upgrade also subscribes to its stores, which start their requests: one task each.
await nextTask();
defineElement(tagFor('invitation'), AdvocacyInvitationElement);
await nextTask();
defineElement(tagFor('contest-banner'), AdvocacyContestBannerElement);
await nextTask();
defineWhenNear({
  'advocacy-my-activity': () => import('@advocacy-kit/elements/define/advocacy-my-activity.js'),
  'advocacy-my-stats': () => import('@advocacy-kit/elements/define/advocacy-my-stats.js'),
  'advocacy-leaderboard': () => import('@advocacy-kit/elements/define/advocacy-leaderboard.js'),
  'advocacy-leaderboard-visibility': () => import('@advocacy-kit/elements/define/advocacy-leaderboard-visibility.js'),
  'advocacy-badges': () => import('@advocacy-kit/elements/define/advocacy-badges.js'),
  'advocacy-contest-results': () => import('@advocacy-kit/elements/define/advocacy-contest-results.js'),
  'advocacy-suggest': () => import('@advocacy-kit/elements/define/advocacy-suggest.js'),
  'advocacy-my-data': () => import('@advocacy-kit/elements/define/advocacy-my-data.js'),
  'advocacy-rewards': () => import('@advocacy-kit/elements/define/advocacy-rewards.js'),
});
