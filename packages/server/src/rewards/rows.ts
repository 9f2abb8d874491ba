import type { AdminRewardRequest, Reward, RewardRequest, RewardRequestStatus } from '@advocacy-kit/core';
import type { Database } from '../db/schema.js';

export function toReward(row: Database['rewards']): Reward {
  return {
    id: row.id,
    name: JSON.parse(row.name),
    description: JSON.parse(row.description),
    imageUrl: row.image_url,
    cost: Number(row.cost),
    stock: row.stock === null ? null : Number(row.stock),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    team: row.team_id,
    active: Number(row.active) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRewardRequest(row: Database['reward_requests']): RewardRequest {
  return {
    id: row.id,
    rewardId: row.reward_id,
    employeeId: row.employee_id,
    rewardName: JSON.parse(row.reward_name),
    cost: Number(row.cost),
    status: row.status as RewardRequestStatus,
    reason: row.reason,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    fulfilledAt: row.fulfilled_at,
  };
}

export function toAdminRewardRequest(row: Database['reward_requests'], employeeName: string): AdminRewardRequest {
  return { ...toRewardRequest(row), employeeName };
}
