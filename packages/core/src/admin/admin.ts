import type { AdvocacyClient, ResourceController } from '../client/types.js';
import type { Suggestion, Team } from '../backend/contract.js';
import { resource } from '../internal/store.js';
import { createAnalytics } from './analytics.js';
import { createContentList } from './content-list.js';
import { createPostDraft } from './post-draft.js';
import { createSuggestionQueue } from './suggestion-queue.js';
import type { AnalyticsController, ContentListController, DraftSource, PostDraftController, SuggestionQueueController } from './types.js';

/** The program-admin side of one client: its stores, and drafts for the post editor. */
export interface AdminClient {
  /** The program's posts with their results; reloads (while shown) after a draft is saved or a suggestion approved. */
  readonly contents: ContentListController;
  /** The pending suggestions. */
  readonly suggestions: SuggestionQueueController;
  readonly analytics: AnalyticsController;
  /** The company's teams, for audiences and the by-team breakdown. */
  readonly teams: ResourceController<Team[]>;
  /** A new draft for an editor; approving a suggestion with it goes through `suggestions`. */
  createDraft(source?: DraftSource): PostDraftController;
}

/**
 * The admin stores over a client's backend (whose calls reject with `forbidden` for employees).
 * Like the client's own stores they are lazy: each loads when it gets its first subscriber.
 *
 * ```ts
 * const admin = createAdminClient(client);
 * admin.contents.store.subscribe((list) => render(list.items));
 * admin.contents.setFilters({ status: 'scheduled' });
 * ```
 */
export function createAdminClient(client: Pick<AdvocacyClient, 'backend' | 'pointsChanged'>): AdminClient {
  const { backend } = client;
  const contents = createContentList({ backend });
  // An approved suggestion is a new post, and points for its sender: the leaderboard moves.
  const onReviewed = (suggestion: Suggestion) => {
    if (suggestion.postId === null) return;
    contents.invalidate();
    client.pointsChanged();
  };
  const suggestions = createSuggestionQueue({ backend, onReviewed });
  const teams = resource<Team[]>(
    () => backend.listTeams(),
    (list) => list.length === 0,
  );
  return {
    contents,
    suggestions,
    analytics: createAnalytics({ backend }),
    teams: { store: teams.store, refresh: teams.refresh },
    createDraft: (source) =>
      createPostDraft({
        backend,
        source,
        approve: (id, post) => suggestions.approve(id, post),
        onSaved: (result) => result.suggestion === null && contents.invalidate(),
      }),
  };
}
