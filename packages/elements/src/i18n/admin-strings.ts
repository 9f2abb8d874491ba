import type { ContentKind, NetworkId, PostStatus } from '@advocacy-kit/core';

/**
 * The program-admin components' strings, namespaced per component so one key never means two
 * things (`postEditor.title` is not `contentList.title`). Kept apart from the employee strings:
 * the minifier names identifiers after the characters of every file a bundle includes, so admin
 * words in the employee tables would change the employee bundles.
 */
export interface AdminStrings {
  /** Words every admin component uses: content kinds, statuses, networks, exports. */
  adminCommon: {
    kinds: Record<ContentKind, string>;
    statuses: Record<PostStatus, string>;
    networkNames: Record<NetworkId, string>;
    exportCsv: string;
    noTopic: string;
  };
  /** `<advocacy-post-editor>`. */
  postEditor: {
    newTitle: string;
    editTitle: string;
    approveTitle: string;
    urlLabel: string;
    titleLabel: string;
    summaryLabel: string;
    imageLabel: string;
    sourceLabel: string;
    kindLabel: string;
    localeLabel: string;
    localeNames: Record<'en' | 'ja', string>;
    topicsLabel: string;
    teamsLabel: string;
    rolesLabel: string;
    roleNames: Record<'employee' | 'admin', string>;
    audienceHint: string;
    commentaryLabel: string;
    commentaryDefault: string;
    addNetworkText: string;
    addNetworkTextFor: (locale: string) => string;
    removeNetworkText: (network: string) => string;
    counter: (used: number, limit: number | null) => string;
    overLimit: string;
    hashtagsLabel: string;
    hashtagsHint: string;
    publishAtLabel: string;
    expireAtLabel: string;
    scheduleHint: (timeZone: string) => string;
    networksLabel: string;
    networksHint: string;
    previewLabel: string;
    fetchPreview: string;
    fetchingPreview: string;
    previewFilled: string;
    previewEmpty: string;
    saveDraft: string;
    schedule: string;
    publish: string;
    archive: string;
    saving: string;
    savedDraft: string;
    savedScheduled: string;
    savedPublished: string;
    archived: string;
    urlRequired: string;
    urlInvalid: string;
    titleRequired: string;
    imageInvalid: string;
    expireBeforePublish: string;
    commentaryTooLong: string;
    /** A field over its maximum length. */
    tooLong: (max: number) => string;
    /** A list with more items than allowed. */
    tooMany: (max: number) => string;
  };
  /** `<advocacy-content-list>`. */
  contentList: {
    title: string;
    statusFilter: string;
    allStatuses: string;
    searchLabel: string;
    kindFilter: string;
    allKinds: string;
    topicFilter: string;
    allTopics: string;
    colStatus: string;
    colPublish: string;
    colActions: string;
    edit: string;
    editPost: (title: string) => string;
    archivePost: (title: string) => string;
    archive: string;
    loadMore: string;
    empty: string;
    errorTitle: string;
  };
  /** `<advocacy-suggestion-queue>`. */
  suggestionQueue: {
    title: string;
    empty: string;
    errorTitle: string;
    from: (employee: string) => string;
    submitted: (when: string) => string;
    approve: string;
    approveLink: (url: string) => string;
    reject: string;
    rejectLink: (url: string) => string;
    reasonLabel: string;
    reasonHint: string;
    reasonRequired: string;
    approvedNotice: (url: string) => string;
    rejectedNotice: (url: string) => string;
    cancel: string;
  };
  /** `<advocacy-analytics>`. */
  analytics: {
    title: string;
    rangeLabel: string;
    ranges: Record<'7' | '30' | '90' | '365', string>;
    comparedWith: (from: string, to: string) => string;
    kpiAdvocates: string;
    kpiParticipation: string;
    kpiShareRate: string;
    kpiShares: string;
    kpiReach: string;
    kpiClicks: string;
    kpiClickThrough: string;
    kpiConversions: string;
    kpiValue: string;
    change: (delta: string) => string;
    noChange: string;
    noPrevious: string;
    byNetwork: string;
    byTopic: string;
    byTeam: string;
    byKind: string;
    mixTitle: string;
    mixTarget: string;
    mixActual: string;
    overTime: string;
    colKey: string;
    colClicks: string;
    colDay: string;
    colShareOfMix: string;
    colTargetOfMix: string;
    chartSummary: (title: string, total: string, top: string) => string;
    seriesSummary: (days: number, shares: string, peakDay: string, peak: string) => string;
    showTable: string;
    empty: string;
    errorTitle: string;
  };
  /** A post's or the program's results, in `<advocacy-content-list>` and `<advocacy-analytics>`. */
  adminResults: {
    colShares: string;
    colUniqueClicks: string;
    colConversions: string;
    /** A post's conversion value, under its conversions. */
    conversionValue: (value: string) => string;
    colTeam: string;
    colTitle: string;
    colKind: string;
    topAdvocates: string;
    topAdvocatesEmpty: string;
    topPosts: string;
    topPostsEmpty: string;
  };
}
