import type { EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import { newNumericCode } from '../store/ids.js';
import type { PendingCode } from '../store/types.js';

/** Sign-up confirmation codes live 24 hours, as Cognito's. */
export const SIGN_UP_CODE_TTL_MS = 24 * 3600_000;
/** Forgot-password and attribute-verification codes live 1 hour (24 h for attributes in Cognito; 1 h is safe). */
export const RESET_CODE_TTL_MS = 3600_000;

/** Makes a code (random 6 digits, or the fixed code). */
export function issueCode(ctx: EmulatorContext, ttlMs: number): PendingCode {
  const nowMs = ctx.now();
  const code = ctx.codeMode.kind === 'fixed' ? ctx.codeMode.code : newNumericCode(ctx.random);
  return { code, issuedAtMs: nowMs, expiresAtMs: nowMs + ttlMs };
}

/** Checks a code: ExpiredCodeException when none is pending or it expired, CodeMismatchException when wrong. */
export function checkCode(ctx: EmulatorContext, pending: PendingCode | undefined, given: string): void {
  if (!pending || pending.expiresAtMs <= ctx.now()) throw err.expiredCode();
  if (pending.code !== given) throw err.codeMismatch();
}

/** `CodeDeliveryDetails` for a code sent to the user's email (or phone, else email-less pools). */
export function codeDeliveryDetails(attributes: Record<string, string>): Record<string, string> {
  const email = attributes.email;
  if (email) return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
  const phone = attributes.phone_number;
  if (phone) return { Destination: `+*******${phone.slice(-4)}`, DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
  return { Destination: 'u***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  const domain = email.slice(at + 1);
  return `${email[0]}***@${domain[0] ?? ''}***`;
}
