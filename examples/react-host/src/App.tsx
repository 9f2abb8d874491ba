import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyShareDetail } from '@advocacy-kit/elements';
import '@advocacy-kit/elements/define/advocacy-provider.js';
import '@advocacy-kit/elements/define/advocacy-feed.js';
import '@advocacy-kit/elements/define/advocacy-my-stats.js';
import '@advocacy-kit/elements/define/advocacy-leaderboard.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ShareLog, type LoggedShare } from './ShareLog.js';

/**
 * A React page hosting the Advocacy Kit elements: the client is created here (on the in-memory
 * demo company) and handed to <advocacy-provider> as a property; shares come back to React as
 * `advocacy-share` DOM events, listened to through a ref.
 */
export function App() {
  const client = useMemo(() => createAdvocacyClient({ backend: memoryBackend(), locale: 'en' }), []);
  useEffect(() => () => void client.destroy(), [client]);

  const feedRef = useRef<HTMLElement>(null);
  const [shares, setShares] = useState<LoggedShare[]>([]);
  useEffect(() => {
    const feed = feedRef.current;
    if (!feed) return;
    const onShare = (event: CustomEvent<AdvocacyShareDetail>) => {
      const { share, network } = event.detail;
      setShares((list) => [{ id: share.id, network, url: share.trackingUrl, points: share.pointsAwarded }, ...list]);
    };
    feed.addEventListener('advocacy-share', onShare);
    return () => feed.removeEventListener('advocacy-share', onShare);
  }, []);

  return (
    <main className="app">
      <h1>Team hub</h1>
      <advocacy-provider client={client}>
        <div className="columns">
          <section aria-labelledby="feed-heading">
            <h2 id="feed-heading">Share our news</h2>
            <advocacy-feed ref={feedRef} />
          </section>
          <aside>
            <advocacy-my-stats />
            <advocacy-leaderboard />
            <ShareLog shares={shares} />
          </aside>
        </div>
      </advocacy-provider>
    </main>
  );
}
