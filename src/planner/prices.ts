import type { PricingTable } from './workload.js';

/**
 * Announced price of extra Cognito request-rate capacity (US East): $20 per RPS-month for a full month and $45 per
 * RPS-month for part of a month; no minimum MAU. Source: ../shared/reference/cognito.md section 1. Prices change:
 * override them in the workload file (`pricing`).
 */
export const DEFAULT_PRICING: PricingTable = {
  fullMonthPerRps: 20,
  partMonthPerRps: 45,
  currency: 'USD',
  source: 'AWS announcement (US East): $20 per RPS-month full month, $45 part month',
};
