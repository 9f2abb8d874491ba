import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { Post, PostInput, Suggestion } from '../backend/contract.js';
import { facade, toAdvocacyError } from '../internal/store.js';
import { draftFrom, fieldOf, sameValue, toPatch, toPostInput, validateDraft } from './post-draft-rules.js';
import type {
  DraftAction,
  DraftErrors,
  DraftSource,
  DraftOutcome,
  PostDraft,
  PostDraftController,
  PostDraftResult,
  PostDraftState,
} from './types.js';

export interface PostDraftOptions {
  backend: AdvocacyBackend;
  /** What the draft starts from; default an empty new post. */
  source?: DraftSource;
  /** How a suggestion is approved; default straight through the backend (the admin client routes it through its queue). */
  approve?: (id: string, post: Partial<PostInput>) => Promise<Suggestion>;
  /** Called after each save or archive the backend accepted. */
  onSaved?: (result: PostDraftResult) => void;
  now?: () => Date;
}

/**
 * The post editor's model: the draft as typed, its validation, its mapping to `PostInput` (and
 * to a patch for updates), dirty tracking, and saving — create, update, or approve a suggestion
 * as the post — archiving and filling empty fields from the link's preview.
 */
export function createPostDraft(options: PostDraftOptions): PostDraftController {
  const { backend, now = () => new Date() } = options;
  const approve = options.approve ?? ((id, post) => backend.admin.reviewSuggestion(id, { decision: 'approve', post }));
  let original = draftFrom(options.source);
  const $state = atom<PostDraftState>({
    draft: original,
    post: options.source?.post ?? null,
    suggestion: options.source?.suggestion ?? null,
    dirty: false,
    errors: {},
    error: null,
    busy: null,
    outcome: null,
  });
  const state = () => $state.value!;
  const set = (patch: Partial<PostDraftState>) => $state.set({ ...state(), ...patch });
  const edit = (draft: PostDraft) => set({ draft, dirty: !sameValue(draft, original), outcome: null });

  const load: PostDraftController['load'] = (source = {}) => {
    original = draftFrom(source);
    set({
      draft: original,
      post: source.post ?? null,
      suggestion: source.suggestion ?? null,
      dirty: false,
      errors: {},
      error: null,
      outcome: null,
    });
  };

  /** Runs a write; on success the draft starts over from the saved post. */
  const run = async (
    action: DraftAction,
    outcome: DraftOutcome,
    write: () => Promise<PostDraftResult>,
  ): Promise<PostDraftResult | null> => {
    set({ busy: action, error: null, errors: {}, outcome: null });
    try {
      const result = await write();
      load({ post: result.post });
      set({ busy: null, outcome });
      options.onSaved?.(result);
      return result;
    } catch (cause) {
      const error = toAdvocacyError(cause);
      const errors: DraftErrors = {};
      for (const fieldError of error.fieldErrors) {
        const field = fieldOf(fieldError.field);
        if (field && !errors[field]) errors[field] = { code: 'server', message: fieldError.message };
      }
      const byField = Object.keys(errors).length > 0;
      set({ busy: null, errors, error: byField ? null : error });
      if (byField) return null;
      throw error;
    }
  };

  return {
    store: facade($state),
    get canPreview() {
      return typeof backend.admin.getLinkPreview === 'function';
    },
    load,
    update: (patch) => edit({ ...state().draft, ...patch }),
    toggle(field, value) {
      const draft = state().draft;
      const flip = <V extends string>(list: readonly V[]) =>
        list.includes(value as V) ? list.filter((item) => item !== value) : [...list, value as V];
      if (field === 'teams' || field === 'roles') edit({ ...draft, audience: { ...draft.audience, [field]: flip(draft.audience[field]) } });
      else if (field === 'topics') edit({ ...draft, topics: flip(draft.topics) });
      else edit({ ...draft, networks: flip(draft.networks) });
    },
    setCommentary(locale, slot, text) {
      const draft = state().draft;
      const { [slot]: _old, ...others } = draft.suggestedCommentary[locale] ?? {};
      const byNetwork = text === undefined ? others : { ...draft.suggestedCommentary[locale], [slot]: text };
      edit({ ...draft, suggestedCommentary: { ...draft.suggestedCommentary, [locale]: byNetwork } });
    },
    validate() {
      const errors = validateDraft(state().draft);
      set({ errors });
      return errors;
    },
    toPostInput: (status) => toPostInput(state().draft, status),
    toPatch: (status) => toPatch(original, state().draft, status),
    async save(status = state().draft.status) {
      if (state().busy) return null;
      const errors = validateDraft(state().draft);
      set({ errors, error: null, outcome: null });
      if (Object.keys(errors).length > 0) return null;
      const { draft, post, suggestion } = state();
      const scheduled = draft.publishAt !== null && Date.parse(draft.publishAt) > now().getTime();
      const outcome: DraftOutcome = status === 'draft' ? 'draft' : scheduled ? 'scheduled' : 'published';
      return run(status === 'draft' ? 'draft' : 'publish', outcome, async () => {
        if (suggestion) {
          const approved = await approve(suggestion.id, toPostInput(draft, status));
          return { post: await backend.getPost(approved.postId!), suggestion: approved };
        }
        const saved: Post = post
          ? await backend.admin.updatePost(post.id, toPatch(original, draft, status))
          : await backend.admin.createPost(toPostInput(draft, status));
        return { post: saved, suggestion: null };
      });
    },
    async archive() {
      const post = state().post;
      if (!post || state().busy) return null;
      return run('archive', 'archived', async () => ({ post: await backend.admin.archivePost(post.id), suggestion: null }));
    },
    async fillFromLink() {
      const preview = backend.admin.getLinkPreview?.bind(backend.admin);
      if (!preview || state().busy) return;
      const url = validateDraft(state().draft).url;
      set({ errors: url ? { url } : {}, error: null, outcome: null });
      if (url) return;
      set({ busy: 'preview' });
      try {
        const tags = await preview(state().draft.url.trim());
        const draft = state().draft;
        edit({
          ...draft,
          title: draft.title || (tags.title ?? ''),
          summary: draft.summary || (tags.description ?? ''),
          imageUrl: draft.imageUrl || (tags.imageUrl ?? ''),
          source: draft.source || (tags.siteName ?? ''),
        });
        set({ busy: null, outcome: tags.title || tags.description || tags.imageUrl ? 'preview-filled' : 'preview-empty' });
      } catch (cause) {
        const error = toAdvocacyError(cause);
        const message = error.fieldErrors.find((fieldError) => fieldError.field === 'url')?.message;
        set({ busy: null, errors: { url: message ? { code: 'server', message } : { code: 'failed', message: error.message, error } } });
      }
    },
  };
}
