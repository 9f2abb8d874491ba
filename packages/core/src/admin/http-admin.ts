import type { AdvocacyAdminBackend } from '../backend/backend.js';
import type { Goal } from '../backend/contract.js';
import { installHttpAdminFactory, type HttpAdminFactory, type HttpCall } from '../backend/http-call.js';
import { uuid } from '../internal/random.js';
import * as routes from '../contract/routes.generated.js';

/**
 * The program-admin methods of `httpBackend`, over its `call`. On their own entry so that the
 * employee bundles, which never call them, don't carry them or their routes:
 *
 * ```ts
 * import { httpBackend } from '@advocacy-kit/core';
 * import { httpAdmin } from '@advocacy-kit/core/admin';
 *
 * const backend = httpBackend({ baseUrl, getToken, admin: httpAdmin });
 * ```
 */
export const httpAdmin: HttpAdminFactory = (call: HttpCall): AdvocacyAdminBackend => {
  const items = async <T>(route: string) => (await call<{ items: T[] }>(route)).items;
  return {
    listPosts: (query) => call(routes.adminListPosts, { query }),
    createPost: (body) => call(routes.adminCreatePost, { body, key: uuid() }),
    updatePost: (postId, body) => call(routes.adminUpdatePost, { id: postId, body }),
    archivePost: (postId) => call(routes.adminArchivePost, { id: postId }),
    listSuggestions: (query) => call(routes.adminListSuggestions, { query }),
    reviewSuggestion: (suggestionId, body) => call(routes.adminReviewSuggestion, { id: suggestionId, body }),
    getAnalytics: (query) => call(routes.adminAnalytics, { query }),
    getLinkPreview: (url) => call(routes.adminLinkPreview, { body: { url }, key: uuid() }),
    // people
    listTopics: () => items(routes.adminListTopics),
    createTopic: (body) => call(routes.adminCreateTopic, { body }),
    updateTopic: (topicId, body) => call(routes.adminUpdateTopic, { id: topicId, body }),
    listTeams: () => items(routes.adminListTeams),
    createTeam: (body) => call(routes.adminCreateTeam, { body }),
    updateTeam: (teamId, body) => call(routes.adminUpdateTeam, { id: teamId, body }),
    listEmployees: (query) => call(routes.adminListEmployees, { query }),
    updateEmployee: (employeeId, body) => call(routes.adminUpdateEmployee, { id: employeeId, body }),
    deactivateEmployee: (employeeId) => call(routes.adminDeactivateEmployee, { id: employeeId }),
    reactivateEmployee: (employeeId) => call(routes.adminReactivateEmployee, { id: employeeId }),
    listPolicyVersions: () => items(routes.adminListPolicyVersions),
    savePolicyDraft: (texts) => call(routes.adminSavePolicyDraft, { body: { texts } }),
    publishPolicy: () => call(routes.adminPublishPolicy),
    createBlockedTerm: (body) => call(routes.adminCreateBlockedTerm, { body }),
    deleteBlockedTerm: (termId) => call(routes.adminDeleteBlockedTerm, { id: termId }),
    updateDisclosures: (disclosures) => call(routes.adminUpdateDisclosures, { body: { disclosures } }),
    getScimSettings: () => call(routes.adminGetScimSettings),
    createScimToken: () => call(routes.adminCreateScimToken),
    revokeScimToken: (tokenId) => call(routes.adminRevokeScimToken, { id: tokenId }),
    getEnrollment: () => call(routes.adminGetEnrollment),
    setEnrollment: (enrollment) => call(routes.adminSetEnrollment, { body: { enrollment } }),
    getLeaderboardSettings: () => call(routes.adminGetLeaderboardSettings),
    setLeaderboardSettings: (input) => call(routes.adminSetLeaderboardSettings, { body: input }),
    createContest: (input) => call(routes.adminCreateContest, { body: input }),
    listContests: () => items(routes.adminListContests),
    updateContest: (id, body) => call(routes.adminUpdateContest, { id, body }),
    cancelContest: (id) => call(routes.adminCancelContest, { id }),
    listPointRules: () => call(routes.adminListPointRules),
    createPointRules: (body) => call(routes.adminCreatePointRules, { body }),
    updatePointRules: (id, body) => call(routes.adminUpdatePointRules, { id, body }),
    deletePointRules: (id) => call(routes.adminDeletePointRules, { id }),
    listMembers: (query) => call(routes.adminListMembers, { query }),
    invite: (body) => call(routes.adminInvite, { body }),
    listGoals: async (query) => (await call<{ items: Goal[] }>(routes.adminListGoals, { query })).items,
    createGoal: (body) => call(routes.adminCreateGoal, { body }),
    updateGoal: (goalId, body) => call(routes.adminUpdateGoal, { id: goalId, body }),
    deleteGoal: (goalId) => call(routes.adminDeleteGoal, { id: goalId }),
    listAudit: (query) => call(routes.adminListAudit, { query }),
    exportAuditCsv: (query) => call(routes.adminExportAudit, { query, text: true }),
    exportEmployee: (employeeId) => call(routes.adminExportEmployee, { id: employeeId }),
    eraseEmployee: (employeeId) => call(routes.adminEraseEmployee, { id: employeeId }),
    getPrivacySettings: () => call(routes.adminGetPrivacySettings),
    updatePrivacySettings: (body) => call(routes.adminUpdatePrivacySettings, { body }),
    listRewards: () => items(routes.adminListRewards),
    createReward: (body) => call(routes.adminCreateReward, { body }),
    updateReward: (rewardId, body) => call(routes.adminUpdateReward, { id: rewardId, body }),
    listRewardRequests: (query) => call(routes.adminListRewardRequests, { query }),
    decideRewardRequest: (requestId, body) => call(routes.adminDecideRewardRequest, { id: requestId, body }),
    adjustPoints: (body) => call(routes.adminAdjustPoints, { body }),
    // delivery
    getDeliverySettings: () => call(routes.adminGetDeliverySettings),
    updateDeliverySettings: (body) => call(routes.adminUpdateDeliverySettings, { body }),
    testDelivery: (body) => call(routes.adminTestDelivery, { body }),
    listDeliveryMessages: (query) => call(routes.adminListDeliveryMessages, { query }),
    // curated sources (RSS/Atom) and the curation queue
    listSources: () => items(routes.adminListSources),
    createSource: (body) => call(routes.adminCreateSource, { body }),
    updateSource: (sourceId, body) => call(routes.adminUpdateSource, { id: sourceId, body }),
    deleteSource: async (sourceId) => void (await call(routes.adminDeleteSource, { id: sourceId })),
    fetchSource: (sourceId) => call(routes.adminFetchSource, { id: sourceId }),
    listCuration: (query) => call(routes.adminListCuration, { query }),
    publishCurationItem: (itemId, body) => call(routes.adminPublishCurationItem, { id: itemId, body: body ?? {} }),
    dismissCurationItem: (itemId) => call(routes.adminDismissCurationItem, { id: itemId }),
  };
};

/**
 * Gives every `httpBackend` on the page that was created without an `admin` option the
 * program-admin methods, whenever it first uses them: those made before this call too, and those
 * of another copy of core (the feed and admin bundles each carry their own). Idempotent.
 * `@advocacy-kit/core` declares no side effects, so a bare `import '@advocacy-kit/core/admin'`
 * would be dropped by bundlers: call this.
 */
export function installHttpAdmin(): void {
  installHttpAdminFactory(httpAdmin);
}
