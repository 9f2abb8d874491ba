import type { Rules } from '@advocacy-kit/core/rules';
import type { ServerConfig } from '../config.js';

export interface Cap {
  name: string;
  limit: number;
  unit: string;
  description: string;
}

/** The anti-gaming limits this server enforces, from its configuration and the point rules in effect (`rules`), for admins to see. */
export function caps(config: ServerConfig, rules: Rules = config.rules): Cap[] {
  const { rateLimits } = config;
  const { points } = rules;
  return [
    {
      name: 'share_points',
      limit: points.share,
      unit: 'points',
      description:
        'Awarded once per employee, post and network, times the network’s weight (copy, email and the device share sheet earn a fifth by default): sharing the same post to the same network again answers with the same share and tracking link, and earns nothing.',
    },
    {
      name: 'click_points_per_post_per_day',
      limit: points.clickDailyCapPerPost,
      unit: 'points',
      description: 'Most click points one employee earns from one post per UTC day, across all their shares of it and all instances.',
    },
    {
      name: 'click_points_per_network_per_post_per_day',
      limit: points.click,
      unit: 'points',
      description:
        "A visitor earns the employee click points once per post and UTC day, counted by network address (IPv4 address, IPv6 /64) whatever the browser; clicks from the network the share was made from are the sharer's own and earn nothing.",
    },
    {
      name: 'clicks_per_visitor_per_link_per_day',
      limit: 1,
      unit: 'clicks',
      description:
        'The same visitor (salted hash of address and browser) on the same link on the same day counts once as a unique click; crawlers and HEAD requests never count.',
    },
    { name: 'conversion_points', limit: points.conversion, unit: 'points', description: 'Awarded once per conversion externalId.' },
    { name: 'suggestion_points', limit: points.suggestion, unit: 'points', description: 'Awarded once, when a suggestion is approved.' },
    {
      name: 'writes_burst_per_employee',
      limit: rateLimits.writes.burst,
      unit: 'requests',
      description: `Shares, suggestions and events one employee may send at once; ${rateLimits.writes.perSecond} more per second after that.`,
    },
    {
      name: 'conversions_burst_per_caller',
      limit: rateLimits.conversions.burst,
      unit: 'requests',
      description: `Conversions per API key or employee at once; ${rateLimits.conversions.perSecond} more per second after that.`,
    },
    { name: 'badges_per_employee', limit: 1, unit: 'award per badge', description: 'Each badge is awarded once per employee.' },
  ];
}
