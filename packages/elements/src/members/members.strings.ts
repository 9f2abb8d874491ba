import type { EnrollmentMode, MemberFilter, MemberState } from '@advocacy-kit/core';

// `<advocacy-members>`'s words (admin bundle only). English defines the keys; Japanese must match.

export const en = {
  title: 'Program members',
  /** The table's scrolling box, a keyboard stop on narrow screens. */
  tableLabel: 'Program members, table',
  enrollmentLegend: 'Who takes part',
  enrollment: {
    open: 'Everyone who signs in',
    invitation: 'By invitation',
  } satisfies Record<EnrollmentMode, string>,
  enrollmentHint: {
    open: 'Everyone counts as a member unless they declined an invitation.',
    invitation: 'Only employees who accepted an invitation count and may share.',
  } satisfies Record<EnrollmentMode, string>,
  enrollmentSaved: (mode: string) => `Enrollment changed: ${mode}.`,
  inviteTeamLabel: 'Invite a team',
  inviteTeamHint: 'Invites the team’s current members; people who join the team later are not invited.',
  inviteTeam: 'Invite team',
  invitedNotice: (invited: number, unchanged: number) =>
    `${invited === 1 ? '1 person' : `${invited} people`} invited${unchanged > 0 ? `, ${unchanged} already invited or members` : ''}.`,
  filterLegend: 'Show',
  filters: {
    all: 'Everyone',
    joined: 'Joined',
    invited: 'Invited',
    declined: 'Declined',
    not_invited: 'Not invited',
    not_joined: 'Not joined',
  } satisfies Record<MemberFilter | 'all', string>,
  states: {
    joined: 'Joined',
    invited: 'Invited',
    declined: 'Declined',
    not_invited: 'Not invited',
  } satisfies Record<MemberState, string>,
  deactivated: 'Deactivated',
  colName: 'Name',
  colTeam: 'Team',
  colState: 'State',
  colInvited: 'Invited',
  colAnswered: 'Answered',
  colAction: 'Action',
  viaTeam: (team: string) => `with ${team}`,
  invite: 'Invite',
  inviteName: (name: string) => `Invite ${name}`,
  loadMore: 'Show more',
  empty: 'Nobody here.',
  errorTitle: 'We couldn’t load the members',
};

export const ja: typeof en = {
  title: 'プログラムのメンバー',
  tableLabel: 'プログラムのメンバー（表）',
  enrollmentLegend: '参加できる人',
  enrollment: { open: 'サインインした全員', invitation: '招待制' },
  enrollmentHint: {
    open: '招待を辞退した人を除き、全員がメンバーとして数えられます。',
    invitation: '招待を承諾した社員だけがメンバーとして数えられ、シェアできます。',
  },
  enrollmentSaved: (mode) => `参加方法を変更しました：${mode}`,
  inviteTeamLabel: 'チームを招待',
  inviteTeamHint: '現在のチームメンバーを招待します。後からチームに加わった人は招待されません。',
  inviteTeam: 'チームを招待する',
  invitedNotice: (invited, unchanged) =>
    `${invited} 人を招待しました${unchanged > 0 ? `（${unchanged} 人は招待済みまたは参加済み）` : ''}。`,
  filterLegend: '表示',
  filters: {
    all: '全員',
    joined: '参加済み',
    invited: '招待中',
    declined: '辞退',
    not_invited: '未招待',
    not_joined: '未参加',
  },
  states: { joined: '参加済み', invited: '招待中', declined: '辞退', not_invited: '未招待' },
  deactivated: '無効',
  colName: '名前',
  colTeam: 'チーム',
  colState: '状態',
  colInvited: '招待日',
  colAnswered: '回答日',
  colAction: '操作',
  viaTeam: (team) => `${team}として`,
  invite: '招待',
  inviteName: (name) => `${name}さんを招待`,
  loadMore: 'さらに表示',
  empty: '該当する人はいません。',
  errorTitle: 'メンバーを読み込めませんでした',
};

export type MembersStrings = typeof en;
