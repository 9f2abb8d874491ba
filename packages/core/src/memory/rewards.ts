import type { AdvocacyAdminBackend, AdvocacyBackend } from '../backend/backend.js';
import { REWARD_REQUEST_STATUSES } from '../contract/enums.js';
import type { AdminRewardRequest, Employee, PointsBalance, Reward, RewardInput, RewardRequest } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { isEarning } from '../rules/points.js';
import type { MemoryDb } from './db.js';
import { paginate } from './paginate.js';
import { FieldErrors, isHttpUrl, isTimestamp, nonEmpty, pageLimit, validationError } from './validate.js';

/** The rewards of one memory program: its catalogue and every request. */
interface RewardsState {
  rewards: Map<string, Reward>;
  requests: Map<string, RewardRequest>;
  /** `employee id NUL Idempotency-Key` → the request it made. */
  requestKeys: Map<string, string>;
}

const states = new WeakMap<MemoryDb, RewardsState>();
const stateOf = (db: MemoryDb): RewardsState => {
  let state = states.get(db);
  if (!state) states.set(db, (state = { rewards: new Map(), requests: new Map(), requestKeys: new Map() }));
  return state;
};

/** Puts a seed's rewards catalogue in the program (`MemoryDb.load`). */
export function loadRewards(db: MemoryDb, rewards: readonly Reward[]): void {
  const state = stateOf(db);
  for (const reward of rewards) state.rewards.set(reward.id, structuredClone(reward));
}

const MAX_COST = 1_000_000_000;
const MAX_ADJUSTMENT = 1_000_000;
const REASON_MAX = 500;

/** The signed-in employee's points to spend, as the reference server computes it. */
export function pointsBalance(db: MemoryDb, employeeId: string): PointsBalance {
  let earned = 0;
  let balance = 0;
  for (const row of db.ledger) {
    if (row.employeeId !== employeeId) continue;
    balance += row.delta;
    if (isEarning(row.reason)) earned += row.delta;
  }
  let spent = 0;
  let held = 0;
  for (const request of stateOf(db).requests.values()) {
    if (request.employeeId !== employeeId) continue;
    if (request.status === 'pending') held += request.cost;
    if (request.status === 'approved' || request.status === 'fulfilled') spent += request.cost;
  }
  return { balance, earned, spent, held };
}

/** Whether the employee may request the reward now: active, in its dates, for their team or everyone. */
export function isRequestable(reward: Reward, employee: Employee, now: Date): boolean {
  const t = now.getTime();
  return (
    reward.active &&
    (reward.startsAt === null || Date.parse(reward.startsAt) <= t) &&
    (reward.endsAt === null || Date.parse(reward.endsAt) > t) &&
    (reward.team === null || reward.team === employee.team)
  );
}

function validateReward(db: MemoryDb, input: Partial<RewardInput>, partial: boolean, current?: Reward): void {
  const e = new FieldErrors();
  const has = (key: keyof RewardInput) => !partial || input[key] !== undefined;
  if (has('name')) {
    const name = input.name;
    if (
      e.check(typeof name === 'object' && name !== null && Object.keys(name).length > 0, 'name', 'needs at least one locale', 'required')
    ) {
      for (const [locale, text] of Object.entries(name!))
        e.check(nonEmpty(text) && text.length <= 200, `name.${locale}`, 'must be 1–200 characters', 'invalid_length');
    }
  }
  if (input.description !== undefined) {
    for (const [locale, text] of Object.entries(input.description))
      e.check(typeof text === 'string' && text.length <= 2000, `description.${locale}`, 'must be at most 2000 characters', 'too_long');
  }
  if (input.imageUrl !== undefined && input.imageUrl !== null)
    e.check(isHttpUrl(input.imageUrl), 'imageUrl', 'must be an http(s) URL', 'invalid_url');
  if (has('cost'))
    e.check(
      Number.isInteger(input.cost) && input.cost! >= 1 && input.cost! <= MAX_COST,
      'cost',
      'must be a whole number of points, at least 1',
      'out_of_range',
    );
  if (input.stock !== undefined && input.stock !== null)
    e.check(
      Number.isInteger(input.stock) && input.stock >= 0,
      'stock',
      'must be a whole number, 0 or more (null for unlimited)',
      'out_of_range',
    );
  if (input.startsAt) e.check(isTimestamp(input.startsAt), 'startsAt', 'must be an ISO 8601 time', 'invalid_date');
  if (input.endsAt) e.check(isTimestamp(input.endsAt), 'endsAt', 'must be an ISO 8601 time', 'invalid_date');
  const startsAt = input.startsAt !== undefined ? input.startsAt : (current?.startsAt ?? null);
  const endsAt = input.endsAt !== undefined ? input.endsAt : (current?.endsAt ?? null);
  if (startsAt && endsAt && isTimestamp(startsAt) && isTimestamp(endsAt))
    e.check(Date.parse(endsAt) > Date.parse(startsAt), 'endsAt', 'must be after startsAt', 'before_start');
  if (input.team !== undefined && input.team !== null)
    e.check(
      db.teams.some((t) => t.id === input.team),
      'team',
      `unknown team "${input.team}"`,
      'unknown_team',
    );
  e.throwIfAny();
}

type Run = <T>(fn: () => T) => Promise<T>;

/** The rewards methods of one employee's view of a memory program (wired in memory-backend.ts). */
export function memoryRewards(
  db: MemoryDb,
  me: () => Employee,
  call: Run,
  admin: Run,
): {
  employee: Pick<
    Required<AdvocacyBackend>,
    'listRewards' | 'getMyPointsBalance' | 'requestReward' | 'listMyRewardRequests' | 'cancelRewardRequest'
  >;
  admin: Pick<
    Required<AdvocacyAdminBackend>,
    'listRewards' | 'createReward' | 'updateReward' | 'listRewardRequests' | 'decideRewardRequest' | 'adjustPoints'
  >;
} {
  const state = stateOf(db);
  const nowIso = () => db.now().toISOString();
  const byCreated = (row: { createdAt: string; id: string }) => [row.createdAt, row.id] as const;
  const findRequest = (id: string) => {
    const request = state.requests.get(id);
    if (!request) throw new AdvocacyError('not_found', `No reward request "${id}"`, { status: 404 });
    return request;
  };
  /** Gives a pending request's points and stock back. */
  const release = (request: RewardRequest, status: 'rejected' | 'cancelled', reason: string | null) => {
    const at = nowIso();
    db.award(request.employeeId, request.cost, 'reward_release', request.id, at);
    const reward = state.rewards.get(request.rewardId);
    if (reward && reward.stock !== null) reward.stock += 1;
    Object.assign(request, { status, reason, decidedAt: at });
    return request;
  };

  return {
    employee: {
      listRewards: () =>
        call(() =>
          [...state.rewards.values()]
            .filter((reward) => isRequestable(reward, me(), db.now()))
            .sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : 1)),
        ),
      getMyPointsBalance: () => call(() => pointsBalance(db, me().id)),
      // One synchronous step: the balance and stock checks and the hold cannot interleave with another request.
      requestReward: (rewardId, idempotencyKey) =>
        call(() => {
          const employee = me();
          const replayKey = idempotencyKey === undefined ? undefined : `${employee.id}\u0000${idempotencyKey}`;
          const earlier = replayKey === undefined ? undefined : state.requests.get(state.requestKeys.get(replayKey) ?? '');
          if (earlier) {
            if (earlier.rewardId !== rewardId) {
              throw new AdvocacyError('conflict', 'This Idempotency-Key was already used to request a different reward', { status: 409 });
            }
            return earlier;
          }
          const reward = state.rewards.get(rewardId);
          if (!reward || !isRequestable(reward, employee, db.now())) {
            throw new AdvocacyError('not_found', `No reward "${rewardId}" you can request`, { status: 404 });
          }
          if (reward.stock === 0) throw new AdvocacyError('conflict', 'This reward is out of stock', { status: 409 });
          const { balance } = pointsBalance(db, employee.id);
          if (balance < reward.cost) {
            throw validationError('rewardId', `needs ${reward.cost} points; your balance is ${balance}`, 'insufficient_points');
          }
          const at = nowIso();
          const request: RewardRequest = {
            id: db.nextId('rwr'),
            rewardId: reward.id,
            employeeId: employee.id,
            rewardName: { ...reward.name },
            cost: reward.cost,
            status: 'pending',
            reason: null,
            createdAt: at,
            decidedAt: null,
            fulfilledAt: null,
          };
          if (reward.stock !== null) reward.stock -= 1;
          db.award(employee.id, -reward.cost, 'reward_hold', request.id, at);
          state.requests.set(request.id, request);
          if (replayKey !== undefined) state.requestKeys.set(replayKey, request.id);
          return request;
        }),
      listMyRewardRequests: (query = {}) =>
        call(() => {
          const { id } = me();
          return paginate(
            [...state.requests.values()].filter((r) => r.employeeId === id),
            byCreated,
            query.cursor,
            pageLimit(query.limit),
          );
        }),
      cancelRewardRequest: (requestId) =>
        call(() => {
          const request = state.requests.get(requestId);
          if (!request || request.employeeId !== me().id) {
            throw new AdvocacyError('not_found', `No reward request "${requestId}"`, { status: 404 });
          }
          if (request.status !== 'pending')
            throw new AdvocacyError('conflict', `This request is already ${request.status}`, { status: 409 });
          return release(request, 'cancelled', null);
        }),
    },
    admin: {
      listRewards: () => admin(() => paginate(state.rewards.values(), byCreated, null, Number.MAX_SAFE_INTEGER).items),
      createReward: (input) =>
        admin(() => {
          validateReward(db, input, false);
          const at = nowIso();
          const reward: Reward = {
            id: db.nextId('rwd'),
            name: { ...input.name },
            description: { ...(input.description ?? {}) },
            imageUrl: input.imageUrl ?? null,
            cost: input.cost,
            stock: input.stock ?? null,
            startsAt: input.startsAt ?? null,
            endsAt: input.endsAt ?? null,
            team: input.team ?? null,
            active: input.active ?? true,
            createdAt: at,
            updatedAt: at,
          };
          state.rewards.set(reward.id, reward);
          return reward;
        }),
      updateReward: (id, patch) =>
        admin(() => {
          const reward = state.rewards.get(id);
          if (!reward) throw new AdvocacyError('not_found', `No reward "${id}"`, { status: 404 });
          validateReward(db, patch, true, reward);
          const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
          Object.assign(reward, defined, { updatedAt: nowIso() });
          return reward;
        }),
      listRewardRequests: (query = {}) =>
        admin(() => {
          if (query.status && !REWARD_REQUEST_STATUSES.includes(query.status)) {
            throw validationError('status', `must be one of ${REWARD_REQUEST_STATUSES.join(', ')}`, 'invalid_enum');
          }
          const page = paginate(
            [...state.requests.values()].filter((r) => !query.status || r.status === query.status),
            byCreated,
            query.cursor,
            pageLimit(query.limit),
          );
          const items: AdminRewardRequest[] = page.items.map((r) => ({
            ...r,
            employeeName: db.employees.get(r.employeeId)?.displayName ?? r.employeeId,
          }));
          return { ...page, items };
        }),
      decideRewardRequest: (id, decision) =>
        admin(() => {
          const request = findRequest(id);
          switch (decision.decision) {
            case 'approve':
              if (request.status !== 'pending')
                throw new AdvocacyError('conflict', `This request is already ${request.status}`, { status: 409 });
              return Object.assign(request, { status: 'approved', decidedAt: nowIso() });
            case 'reject':
              if (!nonEmpty(decision.reason) || decision.reason.length > REASON_MAX) {
                throw validationError('reason', 'is required to reject (at most 500 characters)', 'required');
              }
              if (request.status !== 'pending')
                throw new AdvocacyError('conflict', `This request is already ${request.status}`, { status: 409 });
              return release(request, 'rejected', decision.reason);
            case 'fulfil':
              if (request.status !== 'approved') {
                throw new AdvocacyError('conflict', `Only an approved request can be fulfilled; this one is ${request.status}`, {
                  status: 409,
                });
              }
              return Object.assign(request, { status: 'fulfilled', fulfilledAt: nowIso() });
            default:
              throw validationError('decision', 'must be approve, reject or fulfil', 'invalid_enum');
          }
        }),
      adjustPoints: (input) =>
        admin(() => {
          const e = new FieldErrors();
          const known = db.employees.has(input.employeeId);
          e.check(known, 'employeeId', `unknown employee "${input.employeeId}"`, 'unknown_employee');
          e.check(
            Number.isInteger(input.delta) && input.delta !== 0 && Math.abs(input.delta) <= MAX_ADJUSTMENT,
            'delta',
            'must be a whole number of points, not 0',
            'out_of_range',
          );
          e.check(
            nonEmpty(input.reason) && input.reason.length <= REASON_MAX,
            'reason',
            'is required (at most 500 characters)',
            'required',
          );
          e.throwIfAny();
          const { balance } = pointsBalance(db, input.employeeId);
          if (balance + input.delta < 0) {
            throw validationError('delta', `would take the balance below zero (balance ${balance})`, 'insufficient_points');
          }
          const reference = db.nextId('adj');
          db.award(input.employeeId, input.delta, 'manual', reference, nowIso());
          const row = db.ledger[db.ledger.length - 1]!;
          row.note = input.reason;
          return row;
        }),
    },
  };
}

/** The reward name of one of the employee's requests (self-service: a ledger hold or release told in words). */
export function requestedRewardName(db: MemoryDb, employeeId: string, requestId: string): RewardRequest['rewardName'] | null {
  const request = stateOf(db).requests.get(requestId);
  return request !== undefined && request.employeeId === employeeId ? request.rewardName : null;
}
