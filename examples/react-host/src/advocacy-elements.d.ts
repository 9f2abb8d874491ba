import type { AdvocacyClient } from '@advocacy-kit/core';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** JSX types for the Advocacy Kit tags this app uses. React 19 sets object props as properties. */
type AdvocacyTag<Props = object> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Props;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'advocacy-provider': AdvocacyTag<{ client?: AdvocacyClient; locale?: string }>;
      'advocacy-feed': AdvocacyTag;
      'advocacy-my-stats': AdvocacyTag;
      'advocacy-leaderboard': AdvocacyTag;
    }
  }
}
