import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyShareDetail } from '@advocacy-kit/elements';
import { AdvocacyFeed } from '@advocacy-kit/react/advocacy-feed.js';
import { AdvocacyLeaderboard } from '@advocacy-kit/react/advocacy-leaderboard.js';
import { AdvocacyMyStats } from '@advocacy-kit/react/advocacy-my-stats.js';
import { AdvocacyProvider } from '@advocacy-kit/react/advocacy-provider.js';
import { useEffect, useMemo, useState } from 'react';
import { ShareLog, type LoggedShare } from './ShareLog.js';

/**
 * A React page hosting the Advocacy Kit elements through `@advocacy-kit/react`: the client is
 * created here (on the in-memory demo company) and handed to the provider as a prop; shares come
 * back to React through `onAdvocacyShare`, with the event's detail typed.
 */
export function App() {
  const client = useMemo(() => createAdvocacyClient({ backend: memoryBackend(), locale: 'en' }), []);
  useEffect(() => () => void client.destroy(), [client]);

  const [shares, setShares] = useState<LoggedShare[]>([]);
  const onShare = (event: CustomEvent<AdvocacyShareDetail>) => {
    const { share, network } = event.detail;
    setShares((list) => [{ id: share.id, network, url: share.trackingUrl, points: share.pointsAwarded }, ...list]);
  };

  return (
    <main className="app">
      <h1>Team hub</h1>
      <AdvocacyProvider client={client}>
        <div className="columns">
          <section aria-labelledby="feed-heading">
            <h2 id="feed-heading">Share our news</h2>
            <AdvocacyFeed onAdvocacyShare={onShare} />
          </section>
          <aside>
            <AdvocacyMyStats />
            <AdvocacyLeaderboard />
            <ShareLog shares={shares} />
          </aside>
        </div>
      </AdvocacyProvider>
    </main>
  );
}
