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

/** Adds or replaces UTM parameters on a URL; other parameters and the fragment are kept. */
export function withUtm(url: string, utm: UtmParams): string {
  const out = new URL(url);
  out.searchParams.set('utm_source', utm.source);
  out.searchParams.set('utm_medium', utm.medium);
  if (utm.campaign !== undefined) out.searchParams.set('utm_campaign', utm.campaign);
  if (utm.content !== undefined) out.searchParams.set('utm_content', utm.content);
  if (utm.term !== undefined) out.searchParams.set('utm_term', utm.term);
  return out.toString();
}

/** Reads the UTM parameters of a URL; `null` when it has no `utm_source`. */
export function parseUtm(url: string | URL): UtmParams | null {
  const params = new URL(url).searchParams;
  const source = params.get('utm_source');
  if (source === null) return null;
  const result: UtmParams = { source, medium: params.get('utm_medium') ?? '' };
  const campaign = params.get('utm_campaign');
  const content = params.get('utm_content');
  const term = params.get('utm_term');
  if (campaign !== null) result.campaign = campaign;
  if (content !== null) result.content = content;
  if (term !== null) result.term = term;
  return result;
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
