import type {
  AdminPost,
  AdminSuggestion,
  AnalyticsQuery,
  AnalyticsSummary,
  ContentKind,
  NetworkId,
  Post,
  PostInput,
  PostStatus,
  Role,
  SuggestedCommentary,
  Suggestion,
  Team,
} from '../backend/contract.js';
import type { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, AsyncState, LoadStatus } from '../client/types.js';

/* ---------------------------------------------------------------- content list */

/** What the content list shows: `null` (or `''` for `q`) means no filter. */
export interface ContentFilters {
  status: PostStatus | null;
  /** Case-insensitive match on title, summary and URL. */
  q: string;
  topic: string | null;
  kind: ContentKind | null;
}

export interface ContentListState {
  status: LoadStatus;
  /** The rows of the filters in force: the first page, then every page `loadMore()` appended. */
  items: AdminPost[];
  error: AdvocacyError | null;
  filters: ContentFilters;
  hasMore: boolean;
  /** A `loadMore()` is in flight (the first page uses `status: 'loading'`, keeping the rows shown). */
  loadingMore: boolean;
  /** The error of the last failed `loadMore()`; the rows already shown stay. */
  loadMoreError: AdvocacyError | null;
  /** The id of the post being archived. */
  archiving: string | null;
  /** The error of the last failed `archive()`. */
  archiveError: AdvocacyError | null;
}

export interface ContentListController {
  readonly store: AdvocacyStore<ContentListState>;
  /**
   * Changes some filters and starts over from the first page. A page still loading for the old
   * filters (first page or `loadMore()`) is dropped when it arrives.
   */
  setFilters(filters: Partial<ContentFilters>): void;
  /** Appends the next page of the filters in force; ignored while a page is loading. */
  loadMore(): Promise<void>;
  /** Reloads the first page, keeping the rows shown meanwhile; also the "retry" of the error state. */
  refresh(): Promise<void>;
  /** The posts changed elsewhere: reloads now if the store is subscribed, else on its next subscriber. */
  invalidate(): void;
  /** Archives a post, then reloads the list. Rejects (and sets `archiveError`) when it fails. */
  archive(id: string): Promise<Post>;
}

/* ---------------------------------------------------------------- suggestion queue */

export interface SuggestionQueueState {
  status: LoadStatus;
  /** Pending suggestions, newest first, with the suggesting employee's name. */
  items: AdminSuggestion[];
  error: AdvocacyError | null;
  /** Suggestions with a decision in flight, by id. */
  busy: Readonly<Record<string, 'approve' | 'reject'>>;
  /** The error of the last failed decision, by suggestion id. */
  errors: Readonly<Record<string, AdvocacyError>>;
}

export interface SuggestionQueueController {
  readonly store: AdvocacyStore<SuggestionQueueState>;
  refresh(): Promise<void>;
  /**
   * Approves a suggestion: the backend creates its post, from `post` where given. The suggestion
   * leaves the list. Rejects (and sets `errors[id]`) when it fails.
   */
  approve(id: string, post?: Partial<PostInput>): Promise<Suggestion>;
  /** Rejects a suggestion with the reason the employee will see; it leaves the list. */
  reject(id: string, reason: string): Promise<Suggestion>;
}

/* ---------------------------------------------------------------- analytics */

/** A window of that many days ending now (the presets of the analytics view). */
export type AnalyticsPreset = '7' | '30' | '90' | '365';

/** A preset, or a custom window (ISO dates or timestamps, inclusive). */
export type AnalyticsWindow = AnalyticsPreset | AnalyticsQuery;

export interface AnalyticsReport {
  /** The window asked for. */
  current: AnalyticsSummary;
  /** The window of the same length just before it. */
  previous: AnalyticsSummary;
  /** Team names for the by-team breakdown. */
  teams: Team[];
}

export interface AnalyticsController {
  readonly store: AdvocacyStore<AsyncState<AnalyticsReport>>;
  readonly window: AdvocacyStore<AnalyticsWindow>;
  /** Changes the window; refetches while the store is subscribed. */
  setWindow(window: AnalyticsWindow): void;
  refresh(): Promise<void>;
}

/* ---------------------------------------------------------------- post draft */

/** A post as the editor edits it: text fields as typed, times as UTC instants. */
export interface PostDraft {
  kind: ContentKind;
  title: string;
  summary: string;
  url: string;
  imageUrl: string;
  source: string;
  locale: string;
  topics: string[];
  audience: { teams: string[]; roles: Role[] };
  networks: NetworkId[];
  suggestedCommentary: SuggestedCommentary;
  /** Hashtags as typed: separated by spaces or commas, with or without `#`. */
  hashtags: string;
  publishAt: string | null;
  expireAt: string | null;
  /** How `save()` without a status saves: hidden `draft` or `published` (at `publishAt`). */
  status: 'draft' | 'published';
}

/** The draft's fields that can carry an error, as the server names them. */
export type PostField = keyof PostDraft;

/** Why a field is invalid: a stable `code` for the UI's words, and the limit where one applies. */
export interface DraftFieldError {
  code: 'required' | 'invalid_url' | 'too_long' | 'too_many' | 'before_publish' | 'over_limit' | 'server' | 'failed';
  /** The server's message (`code: 'server'`), or an English fallback. */
  message: string;
  /** The maximum length or count for `too_long` and `too_many`. */
  max?: number;
  /** For `failed`: the call for this field (the link preview) failed without saying why in words. */
  error?: AdvocacyError;
}

export type DraftErrors = Partial<Record<PostField, DraftFieldError>>;

/** What a draft starts from. */
export interface DraftSource {
  /** An existing post to edit. */
  post?: Post | null;
  /** A pending suggestion: saving approves it as the post. */
  suggestion?: Suggestion | null;
  /** Values a new post starts from (a copied post, a suggestion's overrides). */
  prefill?: Partial<PostInput> | null;
  /** The language of a new post when nothing else says; default `en`. */
  locale?: string;
}

export type DraftAction = 'draft' | 'publish' | 'archive' | 'preview';

/** What the last action did, for the status line. */
export type DraftOutcome = 'draft' | 'scheduled' | 'published' | 'archived' | 'preview-filled' | 'preview-empty';

export interface PostDraftState {
  draft: PostDraft;
  /** The post being edited (the saved one after a save); `null` for a new post. */
  post: Post | null;
  /** The suggestion that saving approves; `null` once approved. */
  suggestion: Suggestion | null;
  /** The draft differs from what it was loaded or last saved from. */
  dirty: boolean;
  /** Per-field errors: the draft's own checks, then the server's. */
  errors: DraftErrors;
  /** An error that belongs to no field. */
  error: AdvocacyError | null;
  busy: DraftAction | null;
  outcome: DraftOutcome | null;
}

export interface PostDraftResult {
  post: Post;
  /** The approved suggestion, when saving approved one. */
  suggestion: Suggestion | null;
}

export interface PostDraftController {
  readonly store: AdvocacyStore<PostDraftState>;
  /** Whether the backend can preview links (`fillFromLink()`). */
  readonly canPreview: boolean;
  /** Starts over from a post, a suggestion or prefilled values (or empty). */
  load(source?: DraftSource): void;
  /** Sets some fields; clears the last outcome. */
  update(patch: Partial<PostDraft>): void;
  /** Adds or removes one value of a list field. */
  toggle(field: 'topics' | 'teams' | 'roles' | 'networks', value: string): void;
  /** Sets (or with `undefined` removes) the suggested text of one locale and network. */
  setCommentary(locale: string, slot: NetworkId | 'default', text: string | undefined): void;
  /** Checks the draft as the server would; sets and returns the errors. */
  validate(): DraftErrors;
  toPostInput(status?: 'draft' | 'published'): PostInput;
  /** What changed since the draft was loaded, as an update's patch. */
  toPatch(status?: 'draft' | 'published'): Partial<PostInput>;
  /**
   * Validates, then creates the post, updates it, or approves the suggestion with it. Resolves
   * `null` when the draft (or the server) found field errors; rejects on any other failure.
   */
  save(status?: 'draft' | 'published'): Promise<PostDraftResult | null>;
  /** Archives the post being edited. */
  archive(): Promise<PostDraftResult | null>;
  /** Fills the empty title, summary, image and source from the link's preview. */
  fillFromLink(): Promise<void>;
}
