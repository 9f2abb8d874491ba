import type { Hono } from 'hono';
import { analyticsWindow } from '../analytics/window.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { conversionPage, csvResponse, type CsvExport } from '../analytics/export-routes.js';
import { attribute, CRM_COLUMNS, crmCells } from './attribution.js';

const PAGE_SIZE = 500;

/** Conversions with their attribution, in keyset pages on (created_at, id). */
const CRM_EXPORT: CsvExport = {
  header: CRM_COLUMNS,
  async page(db, window, position, size) {
    const rows = await conversionPage(db, window, position, size);
    const attributed = new Map((await attribute(db, rows)).map((conversion) => [conversion.id, conversion]));
    return rows.map((row) => {
      const conversion = attributed.get(row.id);
      return { position: [row.created_at, row.id], cells: conversion === undefined ? null : crmCells(conversion) };
    });
  },
};

/** `GET /admin/exports/crm.csv`: conversions with click-level attribution, oldest first, streamed in keyset pages. */
export function crmRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'adminExportCrm', (c, { query }) =>
    csvResponse(c, s.db, 'crm', analyticsWindow(query, new Date()), CRM_EXPORT, PAGE_SIZE),
  );
}
