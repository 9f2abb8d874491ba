/**
 * Landing-page attribution: keep the `adv_ref` a tracking link brings, and credit the employee
 * when the visitor converts. It runs on public pages, not in the intranet, so it has its own
 * entry (`@advocacy-kit/core/attribution`) and stays out of the main one.
 */
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
