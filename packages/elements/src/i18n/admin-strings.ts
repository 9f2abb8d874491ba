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
    /** CSV export column names for what the table shows in other words. */
    csvColumns: { url: string; expireAt: string; topics: string; conversionValue: string };
    /** Says which zone the times are in (the admin's profile zone, else the browser's). */
    timesIn: (timeZone: string) => string;
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
    /** The approve dialog's accessible name. */
    dialogLabel: string;
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
    /** The conversion value in one currency (ISO 4217 code), in the key figures and their CSV. */
    kpiValueIn: (currency: string) => string;
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
    /** The KPI export's columns: the measure, then each period named with its dates. */
    csvMeasure: string;
    csvPeriod: (which: 'current' | 'previous', from: string, to: string) => string;
    colKey: string;
    colClicks: string;
    colDay: string;
    colShareOfMix: string;
    colTargetOfMix: string;
    chartSummary: (title: string, total: string, top: string) => string;
    seriesSummary: (days: number, shares: string, peakDay: string, peak: string) => string;
    /** What the day-by-day chart's read-out says before a day is picked. */
    chartHint: string;
    /** The day-by-day chart's read-out: the day and each measure's `[name, value]`. */
    chartReadout: (day: string, values: ReadonlyArray<readonly [string, string]>) => string;
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

  /* People: `<advocacy-taxonomy-admin>` and `<advocacy-directory>`. */
  /** `<advocacy-taxonomy-admin>`, for topics (`kind="topics"`) or teams (`kind="teams"`). */
  taxonomyAdmin: {
    title: Record<'topics' | 'teams', string>;
    intro: Record<'topics' | 'teams', string>;
    addTitle: Record<'topics' | 'teams', string>;
    nameIn: (language: string) => string;
    nameHint: string;
    nameRequired: string;
    add: string;
    added: (name: string) => string;
    rename: string;
    renameItem: (name: string) => string;
    save: string;
    cancel: string;
    renamed: (name: string) => string;
    moveUp: (name: string) => string;
    moveDown: (name: string) => string;
    moved: (name: string, position: number, total: number) => string;
    archive: string;
    archiveItem: (name: string) => string;
    archived: string;
    archivedNotice: (name: string) => string;
    restore: string;
    restoreItem: (name: string) => string;
    restored: (name: string) => string;
    empty: Record<'topics' | 'teams', string>;
    errorTitle: Record<'topics' | 'teams', string>;
    languages: Record<'en' | 'ja', string>;
  };
  /** `<advocacy-directory>`. */
  directory: {
    title: string;
    searchLabel: string;
    searchHint: string;
    search: string;
    teamFilter: string;
    allTeams: string;
    roleFilter: string;
    allRoles: string;
    statusFilter: string;
    allStatuses: string;
    languageFilter: string;
    allLanguages: string;
    roles: Record<'employee' | 'admin', string>;
    statuses: Record<'active' | 'deactivated', string>;
    colName: string;
    colTeam: string;
    colRole: string;
    colLanguage: string;
    colTimeZone: string;
    colStatus: string;
    colLastActive: string;
    colActions: string;
    never: string;
    roleOf: (name: string) => string;
    teamOf: (name: string) => string;
    /** Team and role changes wait for Save, so moving through a list with the arrow keys changes nothing. */
    save: string;
    saveWho: (name: string) => string;
    undo: string;
    undoWho: (name: string) => string;
    deactivate: string;
    deactivateWho: (name: string) => string;
    confirmDeactivate: (name: string) => string;
    confirm: string;
    cancel: string;
    reactivate: string;
    reactivateWho: (name: string) => string;
    changed: (name: string) => string;
    deactivatedNotice: (name: string) => string;
    reactivatedNotice: (name: string) => string;
    loadMore: string;
    empty: string;
    errorTitle: string;
  };
}
