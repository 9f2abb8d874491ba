/**
 * Routes outside the API prefix, at the server's root, that the OpenAPI document describes:
 * the health probes a container orchestrator calls. Not part of `httpBackend`.
 */
import type { TSchema } from '@sinclair/typebox';
import * as S from './schemas.js';

export interface RootRoute {
  method: 'GET';
  /** From the server's root (not the API base). */
  path: string;
  summary: string;
  responses: Record<number, { description: string; body: TSchema }>;
}

const ready = {
  200: { description: 'Ready: every check passed', body: S.HealthReady },
  503: {
    description: 'Not ready: the failing checks say why in words (take the instance out of rotation; do not restart it)',
    body: S.HealthReady,
  },
};

export const rootRoutes = {
  getHealthLive: {
    method: 'GET',
    path: '/health/live',
    summary: 'Liveness: the process answers (restart it when this fails); touches no database',
    responses: { 200: { description: 'Alive', body: S.HealthLive } },
  },
  getHealthReady: {
    method: 'GET',
    path: '/health/ready',
    summary:
      'Readiness: the database takes a write within 2 s and has room to grow, answered clicks are not piling up, the schedulers keep time',
    responses: ready,
  },
  getHealth: { method: 'GET', path: '/health', summary: 'Same as /health/ready (kept for existing probes)', responses: ready },
} as const satisfies Record<string, RootRoute>;
