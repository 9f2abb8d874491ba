import type { Conversion, ConversionType } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import { toConversion } from '../db/rows.js';
import type { Database } from '../db/schema.js';

/** A conversion with the share, employee, post and clicks it is attributed to: the `conversion.recorded` payload and one CRM CSV row. */
export interface AttributedConversion extends Conversion {
  attribution: {
    shareId: string;
    network: string;
    sharedAt: string;
    trackingCode: string;
    /** Where the tracking link sent the visitor, with its UTM parameters. */
    landingUrl: string;
    utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null };
    employee: { id: string; displayName: string; team: string; teamName: string };
    post: { id: string; title: string; url: string; kind: string };
    /** Unique human clicks on the link up to the conversion, and the first and last of them. */
    clicks: { unique: number; firstAt: string | null; lastAt: string | null };
  };
}

type Row = Database['conversions'];

/** Adds attribution to conversions (one query for the shares, employees and posts, one for the clicks). */
export async function attribute(db: Kysely<Database>, conversions: Row[]): Promise<AttributedConversion[]> {
  if (conversions.length === 0) return [];
  const shareIds = [...new Set(conversions.map((c) => c.share_id))];
  const [shares, clicks] = await Promise.all([
    db
      .selectFrom('shares')
      .innerJoin('employees', 'employees.id', 'shares.employee_id')
      .leftJoin('teams', 'teams.id', 'employees.team_id')
      .innerJoin('posts', 'posts.id', 'shares.post_id')
      .select([
        'shares.id',
        'shares.network',
        'shares.created_at',
        'shares.tracking_code',
        'shares.destination',
        'employees.id as employee_id',
        'employees.display_name',
        'employees.team_id',
        'teams.name as team_name',
        'posts.id as post_id',
        'posts.title',
        'posts.url',
        'posts.kind',
      ])
      .where('shares.id', 'in', shareIds)
      .execute(),
    // A share's clicks are its tracking code's (the clicks' primary key starts with the code).
    db
      .selectFrom('clicks')
      .select(['share_id', 'created_at'])
      .where('code', 'in', (eb) => eb.selectFrom('shares').select('tracking_code').where('id', 'in', shareIds))
      .execute(),
  ]);
  const byShare = new Map(shares.map((s) => [s.id, s]));
  return conversions.flatMap((conversion) => {
    const share = byShare.get(conversion.share_id);
    if (share === undefined) return [];
    const before = clicks
      .filter((click) => click.share_id === share.id && click.created_at <= conversion.created_at)
      .map((click) => click.created_at)
      .sort();
    const params = new URL(share.destination).searchParams;
    return [
      {
        ...toConversion(conversion),
        type: conversion.type as ConversionType,
        attribution: {
          shareId: share.id,
          network: share.network,
          sharedAt: share.created_at,
          trackingCode: share.tracking_code,
          landingUrl: share.destination,
          utm: {
            source: params.get('utm_source'),
            medium: params.get('utm_medium'),
            campaign: params.get('utm_campaign'),
            content: params.get('utm_content'),
          },
          employee: {
            id: share.employee_id,
            displayName: share.display_name,
            team: share.team_id,
            teamName: share.team_name ?? share.team_id,
          },
          post: { id: share.post_id, title: share.title, url: share.url, kind: share.kind },
          clicks: { unique: before.length, firstAt: before[0] ?? null, lastAt: before[before.length - 1] ?? null },
        },
      },
    ];
  });
}

/** CSV columns of `/admin/exports/crm.csv`, named for mapping to CRM properties (see the README). */
export const CRM_COLUMNS = [
  'conversion_id',
  'external_id',
  'source',
  'conversion_type',
  'value',
  'currency',
  'converted_at',
  'tracking_code',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'landing_url',
  'share_id',
  'network',
  'shared_at',
  'advocate_id',
  'advocate_name',
  'advocate_team',
  'post_id',
  'post_title',
  'post_url',
  'unique_clicks',
  'first_click_at',
  'last_click_at',
] as const;

export function crmCells(c: AttributedConversion): Array<string | number | null> {
  const a = c.attribution;
  return [
    c.id,
    c.externalId,
    c.source,
    c.type,
    c.value,
    c.currency,
    c.createdAt,
    a.trackingCode,
    a.utm.source,
    a.utm.medium,
    a.utm.campaign,
    a.utm.content,
    a.landingUrl,
    a.shareId,
    a.network,
    a.sharedAt,
    a.employee.id,
    a.employee.displayName,
    a.employee.teamName,
    a.post.id,
    a.post.title,
    a.post.url,
    a.clicks.unique,
    a.clicks.firstAt,
    a.clicks.lastAt,
  ];
}
