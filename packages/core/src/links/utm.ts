import type { NetworkId } from '../backend/contract.js';

/** `utm_medium` on every tracked destination. */
export const UTM_MEDIUM = 'employee_advocacy';

/** Query parameter that carries the referral (tracking) code to the landing page. */
export const REFERRAL_PARAM = 'adv_ref';

export interface UtmParams {
  source: string;
  medium: string;
  campaign?: string;
  content?: string;
  term?: string;
}

export interface TrackedDestinationInput {
  /** The post's registered URL. */
  url: string;
  network: NetworkId;
  /** Becomes `utm_campaign`: the post id. */
  postId: string;
  /** Becomes `utm_content`: the share id. */
  shareId: string;
  /** Becomes `adv_ref`: the tracking code, so the landing page can attribute conversions. */
  referralCode: string;
}

/** The UTM fields, each carried as `utm_<field>`. */
const FIELDS = ['source', 'medium', 'campaign', 'content', 'term'] as const;

/** Adds or replaces UTM parameters on a URL; other parameters and the fragment are kept. */
export function withUtm(url: string, utm: UtmParams): string {
  const out = new URL(url);
  for (const field of FIELDS) {
    const value = utm[field];
    if (value !== undefined) out.searchParams.set(`utm_${field}`, value);
  }
  return out.toString();
}

/** Reads the UTM parameters of a URL; `null` when it has no `utm_source`. */
export function parseUtm(url: string | URL): UtmParams | null {
  const params = new URL(url).searchParams;
  const result: Partial<UtmParams> = { source: undefined, medium: '' };
  for (const field of FIELDS) {
    const value = params.get(`utm_${field}`);
    if (value !== null) result[field] = value;
  }
  return result.source === undefined ? null : (result as UtmParams);
}

/**
 * The URL a tracking link redirects to: the post's registered URL with `utm_source` = network,
 * `utm_medium` = employee_advocacy, `utm_campaign` = post id, `utm_content` = share id, and the
 * referral code. The reference server and the memory backend both build destinations with it.
 */
export function trackedDestination(input: TrackedDestinationInput): string {
  const url = new URL(
    withUtm(input.url, {
      source: input.network,
      medium: UTM_MEDIUM,
      campaign: input.postId,
      content: input.shareId,
    }),
  );
  url.searchParams.set(REFERRAL_PARAM, input.referralCode);
  return url.toString();
}
