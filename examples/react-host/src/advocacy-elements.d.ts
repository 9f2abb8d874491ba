import type { AdvocacyClient } from '@advocacy-kit/core';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** JSX types for the Advocacy Kit tags this app uses. React 19 sets object props as properties. */
type Element<Props = object> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Props;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'advocacy-provider': Element<{ client?: AdvocacyClient; locale?: string }>;
      'advocacy-feed': Element;
      'advocacy-my-stats': Element;
      'advocacy-leaderboard': Element;
    }
  }
}
