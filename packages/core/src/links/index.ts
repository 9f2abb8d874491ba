export { withUtm, parseUtm, trackedDestination, UTM_MEDIUM, REFERRAL_PARAM, type UtmParams, type TrackedDestinationInput } from './utm.js';
export { isHttpUrl } from './url.js';
