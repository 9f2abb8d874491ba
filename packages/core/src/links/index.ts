export {
  withUtm,
  parseUtm,
  trackedDestination,
  UTM_MEDIUM,
  REFERRAL_PARAM,
  type UtmParams,
  type TrackedDestinationInput,
} from './utm.js';
export {
  captureReferral,
  getReferral,
  reportConversion,
  flushConversions,
  type CaptureReferralOptions,
  type ReferralOptions,
  type ReportConversionOptions,
  type ConversionTransport,
  type ConversionReport,
} from './attribution.js';
