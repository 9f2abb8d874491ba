import { problemSlug, type AdvocacyBackend, type LeaderboardEntry, type PointsEntry } from '@advocacy-kit/core/backend';
import type { ContractTarget } from '../src/index.js';

/** A view of `backend` with some methods replaced; everything else is the original's. */
function override<T extends object>(backend: T, replacements: Partial<T>): T {
  return new Proxy(backend, {
    get(target, property, receiver) {
      if (Object.hasOwn(replacements, property)) return replacements[property as keyof T];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `target` whose admin sessions have some admin methods replaced: `replace` gets each session's originals. */
function overrideAdmin(
  target: ContractTarget,
  replace: (admin: AdvocacyBackend['admin']) => Partial<AdvocacyBackend['admin']>,
): ContractTarget {
  return {
    ...target,
    async admin() {
      const inner = await target.admin();
      return override<AdvocacyBackend>(inner, { admin: override(inner.admin, replace(inner.admin)) });
    },
  };
}

/**
 * Awards a share's points on every call, ignoring that a retry with the same idempotency key is
 * the same share — and reports those extra points consistently in the ledger, stats and
 * leaderboard, so only a retry check can catch it.
 */
export function doubleAwarding(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      const extra: PointsEntry[] = [];
      const seenKeys = new Set<string>();
      const bonus = () => extra.reduce((sum, row) => sum + row.delta, 0);
      const withBonus = (entry: LeaderboardEntry | null) => (entry ? { ...entry, points: entry.points + bonus() } : entry);
      return override<AdvocacyBackend>(inner, {
        async createShare(input) {
          const share = await inner.createShare(input);
          if (seenKeys.has(input.idempotencyKey)) {
            extra.unshift({
              id: `extra-${extra.length}`,
              employeeId: share.employeeId,
              delta: share.pointsAwarded,
              reason: 'share',
              reference: share.id,
              createdAt: new Date().toISOString(),
            });
          }
          seenKeys.add(input.idempotencyKey);
          return share;
        },
        async listMyPoints(query) {
          const page = await inner.listMyPoints(query);
          return query?.cursor ? page : { ...page, items: [...extra, ...page.items] };
        },
        async getMyStats(period) {
          const stats = await inner.getMyStats(period);
          return { ...stats, points: stats.points + bonus() };
        },
        async getLeaderboard(query) {
          const board = await inner.getLeaderboard(query);
          const me = withBonus(board.me);
          return { ...board, me, entries: board.entries.map((entry) => (entry.employeeId === me?.employeeId ? me : entry)) };
        },
      });
    },
  };
}

/**
 * Repeats the last item of the previous page at the top of the next one (an off-by-one in
 * offset paging), in the feed and the admin post list.
 */
export function repeatingPages(target: ContractTarget): ContractTarget {
  const wrap = async (factory: ContractTarget['employee']) => {
    const inner = await factory();
    const lastBefore = new Map<string, unknown>();
    const repeat =
      <T>(list: (query?: { cursor?: string | null; limit?: number }) => Promise<{ items: T[]; nextCursor: string | null }>) =>
      async (query: { cursor?: string | null; limit?: number } = {}) => {
        const page = await list(query);
        const repeated = query.cursor ? (lastBefore.get(query.cursor) as T | undefined) : undefined;
        const items = repeated ? [repeated, ...page.items].slice(0, query.limit ?? 20) : page.items;
        if (page.nextCursor && items.length > 0) lastBefore.set(page.nextCursor, items[items.length - 1]);
        return { items, nextCursor: page.nextCursor };
      };
    return override<AdvocacyBackend>(inner, {
      listFeed: repeat((query) => inner.listFeed(query)),
      admin: override(inner.admin, { listPosts: repeat((query) => inner.admin.listPosts(query)) }),
    });
  };
  return { ...target, employee: () => wrap(target.employee), admin: () => wrap(target.admin) };
}

/** Answers the other employee's shares and stats with the employee's. */
export function leakingOtherEmployee(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async otherEmployee() {
      const [inner, employee] = await Promise.all([target.otherEmployee(), target.employee()]);
      return override<AdvocacyBackend>(inner, {
        listMyShares: (query) => employee.listMyShares(query),
        getMyStats: (period) => employee.getMyStats(period),
      });
    },
  };
}

/** An admin view that forgets conversions in the content list and lists no top advocates. */
export function partialResults(target: ContractTarget): ContractTarget {
  return overrideAdmin(target, (admin) => ({
    async listPosts(query) {
      const page = await admin.listPosts(query);
      return {
        ...page,
        items: page.items.map((post) => ({ ...post, metrics: { ...post.metrics, conversions: 0, conversionValue: 0 } })),
      };
    },
    async getAnalytics(query) {
      return { ...(await admin.getAnalytics(query)), topAdvocates: [] };
    },
  }));
}

/** Lists archived topics to employees as if they were current. */
export function archivedTopicsListed(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      const admin = await target.admin();
      return override<AdvocacyBackend>(inner, {
        async listTopics() {
          return (await admin.admin.listTopics!()).map(({ id, names }) => ({ id, names }));
        },
      });
    },
  };
}

/** Keeps a deactivated employee on the leaderboard the admin reads. */
export function leaversOnLeaderboard(target: ContractTarget): ContractTarget {
  let leaver: string | null = null;
  return {
    ...target,
    async admin() {
      const inner = await target.admin();
      const admin = override(inner.admin, {
        async deactivateEmployee(id: string) {
          leaver = id;
          return inner.admin.deactivateEmployee!(id);
        },
        async reactivateEmployee(id: string) {
          leaver = null;
          return inner.admin.reactivateEmployee!(id);
        },
      });
      return override<AdvocacyBackend>(inner, {
        admin,
        async getLeaderboard(query) {
          const board = await inner.getLeaderboard(query);
          if (leaver === null) return board;
          const entry = {
            rank: board.entries.length + 1,
            employeeId: leaver,
            displayName: leaver,
            avatarUrl: null,
            team: 't',
            teamName: 't',
            points: 1,
          };
          return { ...board, entries: [...board.entries, entry] };
        },
      });
    },
  };
}

/**
 * Skips the policy check: a share refused with `policy_required` is accepted on the employee's
 * behalf and recorded anyway, as a backend that never checked acceptance would.
 */
export function skippingPolicyCheck(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      return override<AdvocacyBackend>(inner, {
        async createShare(input) {
          try {
            return await inner.createShare(input);
          } catch (error) {
            if (problemSlug(error) !== 'policy_required') throw error;
            await inner.acceptPolicy();
            return inner.createShare(input);
          }
        },
      });
    },
  };
}

/**
 * Counts participation over everyone who ever signed in, as before there were members: someone
 * who declined stays in the base and among the top advocates.
 */
export function participationOverEveryone(target: ContractTarget): ContractTarget {
  return overrideAdmin(target, (admin) => ({
    async getAnalytics(query) {
      const summary = await admin.getAnalytics(query);
      let everyone = 0;
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<NonNullable<typeof admin.listMembers>>> = await admin.listMembers!({
          cursor,
          limit: 100,
        });
        everyone += page.items.length;
        cursor = page.nextCursor;
      } while (cursor !== null);
      return { ...summary, employees: everyone, participationRate: everyone === 0 ? 0 : summary.activeAdvocates / everyone };
    },
  }));
}

/**
 * Privacy faults: the audit log misses updates, the export carries the other employee's shares,
 * and erasure deletes the person's shares (so the totals drop) instead of anonymising them.
 */
export function privacyFaults(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const [inner, other] = await Promise.all([target.employee(), target.otherEmployee()]);
      return override<AdvocacyBackend>(inner, {
        async getMyExport() {
          const data = await inner.getMyExport!();
          const theirs = await other.getMyExport!();
          return { ...data, shares: [...data.shares, ...theirs.shares] };
        },
      });
    },
    async admin() {
      const inner = await target.admin();
      let erasedShares = 0;
      return override<AdvocacyBackend>(inner, {
        admin: override(inner.admin, {
          async listAudit(query) {
            const page = await inner.admin.listAudit!(query);
            return { ...page, items: page.items.filter((entry) => entry.action !== 'post.update') };
          },
          async eraseEmployee(id) {
            const data = await inner.admin.exportEmployee!(id);
            erasedShares = data.shares.length;
            return inner.admin.eraseEmployee!(id);
          },
          async getAnalytics(query) {
            const summary = await inner.admin.getAnalytics(query);
            return { ...summary, shares: summary.shares - erasedShares };
          },
        }),
      });
    },
  };
}

/**
 * Accepts reward requests past the stock and the balance, as a backend that reads the stock and
 * the balance, then writes, without a lock, would under concurrent requests: the refusal the
 * store would give is turned into another accepted request.
 */
export function overselling(target: ContractTarget): ContractTarget {
  const racy = async (make: () => AdvocacyBackend | Promise<AdvocacyBackend>) => {
    const inner = await make();
    let n = 0;
    return override<AdvocacyBackend>(inner, {
      async requestReward(rewardId) {
        try {
          return await inner.requestReward!(rewardId);
        } catch {
          const me = await inner.getMe();
          return {
            id: `raced-${++n}`,
            rewardId,
            employeeId: me.id,
            rewardName: {},
            cost: 0,
            status: 'pending',
            reason: null,
            createdAt: new Date().toISOString(),
            decidedAt: null,
            fulfilledAt: null,
          };
        }
      },
    });
  };
  return { ...target, employee: () => racy(target.employee), otherEmployee: () => racy(target.otherEmployee) };
}

/** Numbers the employee's leaderboard 1, 2, 3, … even where points are equal (no ties). */
export function untiedRanks(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      return override<AdvocacyBackend>(inner, {
        async getLeaderboard(query) {
          const board = await inner.getLeaderboard(query);
          const entries = board.entries.map((entry, i) => ({ ...entry, rank: i + 1 }));
          const me = entries.find((entry) => entry.employeeId === board.me?.employeeId) ?? board.me;
          return { ...board, entries, me };
        },
      });
    },
  };
}

/** Stores every leaderboard setting but anonymity: the board stays named whatever the admin chose. */
export function namedAnyway(target: ContractTarget): ContractTarget {
  return overrideAdmin(target, (admin) => ({
    async setLeaderboardSettings(input) {
      const saved = await admin.setLeaderboardSettings!({ ...input, anonymous: false });
      return { ...saved, anonymous: input.anonymous ?? saved.anonymous };
    },
  }));
}

/** Answers delivery settings with the SMTP password in them, and forgets it when a change leaves it out. */
export function leakingSmtpPassword(target: ContractTarget): ContractTarget {
  return overrideAdmin(target, (admin) => {
    let password: string | null = null;
    return {
      async getDeliverySettings() {
        return { ...(await admin.getDeliverySettings!()), smtpPassword: password };
      },
      async updateDeliverySettings(input) {
        password = input.smtpPassword === undefined ? null : input.smtpPassword;
        const saved = await admin.updateDeliverySettings!({ ...input, smtpPassword: password });
        return { ...saved, smtpPassword: password };
      },
    };
  });
}

/** Drops the Idempotency-Key of reward requests: a retried request holds the points again. */
export function forgettingRequestKeys(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      return override<AdvocacyBackend>(inner, { requestReward: (rewardId) => inner.requestReward!(rewardId) });
    },
  };
}

/* search: backends that get the feed's `q` wrong */

/** Ignores query terms under three characters, as a trigram index alone would: 「障害」 matches everything. */
export function longTermsOnly(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      return override<AdvocacyBackend>(inner, {
        listFeed: (query = {}) =>
          inner.listFeed({
            ...query,
            q: (query.q ?? '')
              .split(/\s+/)
              .filter((term) => [...term].length >= 3)
              .join(' '),
          }),
      });
    },
  };
}

/** Keeps only the posts whose title, summary or commentary contains each term with its case as typed. */
export function caseSensitiveSearch(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      return override<AdvocacyBackend>(inner, {
        async listFeed(query = {}) {
          const page = await inner.listFeed(query);
          const terms = (query.q ?? '').split(/\s+/).filter(Boolean);
          const text = (post: (typeof page.items)[number]) =>
            [post.title, post.summary, ...Object.values(post.suggestedCommentary).flatMap((byNetwork) => Object.values(byNetwork))].join(
              '\n',
            );
          return { ...page, items: page.items.filter((post) => terms.every((term) => text(post).includes(term))) };
        },
      });
    },
  };
}

/**
 * Self-service faults: the employee's suggestions come without the reviewer's reason, and their
 * ledger lists another employee's rows too (so it no longer sums to their balance).
 */
export function selfServiceFaults(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      const other = await target.otherEmployee();
      return override<AdvocacyBackend>(inner, {
        async listMySuggestions(query) {
          const page = await inner.listMySuggestions(query);
          return { ...page, items: page.items.map((item) => ({ ...item, reviewReason: null })) };
        },
        async listMyPoints(query) {
          const page = await inner.listMyPoints(query);
          if (query?.cursor) return page;
          return { ...page, items: [...(await other.listMyPoints({ limit: 5 })).items, ...page.items] };
        },
      });
    },
  };
}

/** Accepts new versions of the point rules but keeps awarding by the old ones (a cache never told of the change). */
export function staleRules(target: ContractTarget): ContractTarget {
  return overrideAdmin(target, () => ({
    async createPointRules(input) {
      const now = new Date().toISOString();
      return {
        id: `prv-stale-${now}`,
        rules: input.rules,
        effectiveFrom: input.effectiveFrom ?? now,
        note: input.note ?? null,
        createdBy: 'admin',
        createdAt: now,
        status: input.effectiveFrom !== undefined && input.effectiveFrom > now ? 'scheduled' : 'current',
      };
    },
  }));
}

/** Pays a copied link like a share to LinkedIn, whatever the point values it tells employees. */
export function copyPaidInFull(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async employee() {
      const inner = await target.employee();
      return override<AdvocacyBackend>(inner, {
        async createShare(input) {
          const share = await inner.createShare(input);
          if (input.network !== 'copy' || share.pointsAwarded === 0) return share;
          const values = await inner.getPointValues!();
          return { ...share, pointsAwarded: values.shareByNetwork.linkedin };
        },
      });
    },
  };
}

/** Labels the conversion value added up across currencies with one currency, as if it were all euros. */
export function summedAcrossCurrencies(target: ContractTarget): ContractTarget {
  return overrideAdmin(target, (admin) => ({
    async getAnalytics(query) {
      const summary = await admin.getAnalytics(query);
      const value = summary.conversionValue;
      return { ...summary, conversionValueByCurrency: value > 0 ? [{ currency: 'EUR', value }] : [] };
    },
  }));
}
