import { AdvocacyError } from '../backend/errors.js';
import type {
  CuratedSource,
  CuratedSourceInput,
  CuratedSourcePatch,
  CurationItem,
  CurationPublish,
  CurationQuery,
  Page,
  Post,
  PostInput,
} from '../backend/contract.js';
import type { MemoryDb } from './db.js';
import { paginate } from './paginate.js';
import { FieldErrors, isHttpUrl, pageLimit } from './validate.js';

/**
 * Curated sources in the memory backend: the sources and the curation queue, without fetching
 * (a browser cannot read other sites' feeds). A demo company starts with two sources and a few
 * items; `fetchSource` only records the attempt.
 */
interface CurationState {
  sources: CuratedSource[];
  items: CurationItem[];
}

const states = new WeakMap<MemoryDb, CurationState>();

function demoState(db: MemoryDb): CurationState {
  const now = db.now().getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const source = (id: string, url: string, title: string, locale: string): CuratedSource => ({
    id,
    url,
    title,
    locale,
    topics: [],
    intervalMinutes: 60,
    paused: false,
    lastFetchedAt: at(12),
    lastSuccessAt: at(12),
    lastError: null,
    failures: 0,
    nextFetchAt: at(-48),
    createdAt: at(60 * 24 * 20),
  });
  const sources = [
    source('src-itnews', 'https://news.example.com/it-news/ja/feed.xml', 'ITニュース', 'ja'),
    {
      ...source('src-cloudweekly', 'https://cloudweekly.example.org/atom.xml', 'Cloud Weekly', 'en'),
      lastError: 'The feed answered 503.',
      failures: 1,
    },
  ];
  const item = (id: string, sourceIndex: number, title: string, summary: string, minutesAgo: number): CurationItem => ({
    id,
    sourceId: sources[sourceIndex]!.id,
    sourceTitle: sources[sourceIndex]!.title,
    status: 'pending',
    url: `${new URL(sources[sourceIndex]!.url).origin}/articles/${id}`,
    title,
    summary,
    imageUrl: null,
    siteName: sources[sourceIndex]!.title,
    publishedAt: at(minutesAgo + 30),
    foundAt: at(minutesAgo),
    postId: null,
  });
  return {
    sources,
    items: [
      item(
        'cur-1',
        0,
        '国内企業の7割が障害対応の自動化を検討　最新調査',
        '運用担当者への調査で、監視と障害対応の自動化が最優先の投資領域であることが分かった。',
        15,
      ),
      item(
        'cur-2',
        0,
        'ハイブリッドクラウドの運用コストを下げる5つの方法',
        'オンプレミスとクラウドを併用する企業が増えるなか、運用コストの見直しが進んでいる。',
        40,
      ),
      item(
        'cur-3',
        1,
        'What SRE teams learned from a year of postmortems',
        'A survey of 300 incident reviews shows where on-call time really goes.',
        90,
      ),
    ],
  };
}

/** The curation admin over a memory database; `createPost` is the memory backend's own (validated, audited by the caller). */
export function curationAdmin(
  db: MemoryDb,
  audited: (action: string, target: { kind: string; id: string }, before: unknown, after: unknown) => void,
  createPost: (input: PostInput) => Post,
) {
  const state = (): CurationState => {
    let current = states.get(db);
    if (!current) states.set(db, (current = demoState(db)));
    return current;
  };
  const source = (id: string): CuratedSource => {
    const found = state().sources.find((candidate) => candidate.id === id);
    if (!found) throw new AdvocacyError('not_found', `No curated source "${id}"`, { status: 404 });
    return found;
  };
  const pending = (id: string): CurationItem => {
    const found = state().items.find((candidate) => candidate.id === id);
    if (!found) throw new AdvocacyError('not_found', `No curation item "${id}"`, { status: 404 });
    if (found.status !== 'pending') throw new AdvocacyError('conflict', `This item was already ${found.status}`, { status: 409 });
    return found;
  };
  const replace = (id: string, next: CurationItem) => {
    state().items = state().items.map((candidate) => (candidate.id === id ? next : candidate));
  };
  return {
    list: (): CuratedSource[] => [...state().sources],
    create(input: CuratedSourceInput): CuratedSource {
      const e = new FieldErrors();
      e.check(isHttpUrl(input.url), 'url', 'must be an http or https URL', 'invalid_url');
      e.throwIfAny();
      if (state().sources.some((candidate) => candidate.url === input.url))
        throw new AdvocacyError('conflict', 'A source with this URL exists', { status: 409 });
      const now = db.now().toISOString();
      const created: CuratedSource = {
        id: db.nextId('src'),
        url: input.url,
        title: input.title?.trim() || new URL(input.url).hostname,
        locale: input.locale ?? 'en',
        topics: [...new Set(input.topics ?? [])],
        intervalMinutes: input.intervalMinutes ?? 60,
        paused: false,
        lastFetchedAt: null,
        lastSuccessAt: null,
        lastError: null,
        failures: 0,
        nextFetchAt: now,
        createdAt: now,
      };
      state().sources.push(created);
      audited('source.create', { kind: 'source', id: created.id }, undefined, created);
      return created;
    },
    update(id: string, patch: CuratedSourcePatch): CuratedSource {
      const before = source(id);
      const after: CuratedSource = { ...before, ...patch, title: patch.title?.trim() ?? before.title };
      state().sources = state().sources.map((candidate) => (candidate.id === id ? after : candidate));
      audited('source.update', { kind: 'source', id }, before, after);
      return after;
    },
    remove(id: string): void {
      const before = source(id);
      state().sources = state().sources.filter((candidate) => candidate.id !== id);
      state().items = state().items.filter((candidate) => candidate.sourceId !== id || candidate.status !== 'pending');
      audited('source.delete', { kind: 'source', id }, before, undefined);
    },
    fetch(id: string): CuratedSource {
      const fetched = { ...source(id), lastFetchedAt: db.now().toISOString() };
      state().sources = state().sources.map((candidate) => (candidate.id === id ? fetched : candidate));
      return fetched;
    },
    queue(query: CurationQuery = {}): Page<CurationItem> {
      const status = query.status ?? 'pending';
      const items = state().items.filter(
        (candidate) => candidate.status === status && (!query.source || candidate.sourceId === query.source),
      );
      const byFound = (item: CurationItem) => [item.foundAt, item.id] as const;
      return paginate(items, byFound, query.cursor, pageLimit(query.limit));
    },
    publish(id: string, overrides: CurationPublish = {}): Post {
      const before = pending(id);
      const from = state().sources.find((candidate) => candidate.id === before.sourceId);
      const post = createPost({
        kind: 'curated',
        title: before.title,
        summary: before.summary,
        url: before.url,
        imageUrl: before.imageUrl,
        source: before.siteName ?? new URL(before.url).hostname,
        locale: from?.locale ?? 'en',
        topics: from?.topics ?? [],
        ...overrides,
      });
      const after: CurationItem = { ...before, status: 'published', postId: post.id };
      replace(id, after);
      audited('curation_item.publish', { kind: 'curation_item', id }, before, after);
      audited('post.create', { kind: 'post', id: post.id }, undefined, post);
      return post;
    },
    dismiss(id: string): CurationItem {
      const before = pending(id);
      const after: CurationItem = { ...before, status: 'dismissed' };
      replace(id, after);
      audited('curation_item.dismiss', { kind: 'curation_item', id }, before, after);
      return after;
    },
  };
}
