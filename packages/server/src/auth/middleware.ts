import type { Employee } from '@advocacy-kit/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { forbidden, HttpProblem, unauthorized } from '../http/problem.js';
import { employeeForToken } from './employees.js';

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match === null ? null : match[1]!;
}

/**
 * Verifies a token and loads (or creates) its employee. `exact: false` (read requests) may take
 * both from the sign-in cache (auth/sign-ins.ts); anything else reads the employee now.
 */
export async function authenticate(s: Services, token: string | null, options: { exact: boolean } = { exact: true }): Promise<Employee> {
  if (token === null) throw unauthorized('Sign in: send Authorization: Bearer <token>.');
  const employee = await s.signIns.employee(token, options.exact, s.verifyToken, (identity) => employeeForToken(s.db, identity));
  // A leaver's token may still be valid at the identity provider for a while: it opens nothing.
  const { status, ...profile } = employee;
  if (status === 'deactivated') {
    throw new HttpProblem(
      403,
      'employee_deactivated',
      'This employee has been deactivated in the advocacy program; ask a program admin to reactivate you.',
    );
  }
  return profile;
}

/**
 * Every API route but demo sign-in, events (which read credentials themselves) and conversions
 * (an API key, `requireApiKey`). `exact: false` for employees' read requests (see `authenticate`).
 */
export function requireEmployee(s: Services, options: { exact: boolean } = { exact: true }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('employee', await authenticate(s, bearerToken(c.req.header('authorization')), options));
    await next();
  };
}

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('employee').role !== 'admin') throw forbidden('Only program admins can do this.');
    await next();
  };
}
