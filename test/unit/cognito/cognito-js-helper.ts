import { createRequire } from 'node:module';

/**
 * Typed access to amazon-cognito-identity-js internals (AuthenticationHelper, its JSBN BigInteger), which the
 * package ships as CommonJS under lib/ without type declarations. Test-only adapter.
 */
const require = createRequire(import.meta.url);

/** The JSBN BigInteger the library uses (the subset the tests need). */
export interface JsbnBigInteger {
  toString(radix: number): string;
}

/** The subset of AuthenticationHelper the tests drive. */
export interface AuthHelper {
  smallAValue: JsbnBigInteger;
  largeAValue: JsbnBigInteger | undefined;
  UValue: JsbnBigInteger;
  getLargeAValue(cb: (err: unknown, A: JsbnBigInteger) => void): void;
  padHex(value: JsbnBigInteger): string;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: JsbnBigInteger,
    salt: JsbnBigInteger,
    cb: (err: unknown, hkdf: Uint8Array) => void,
  ): void;
}

export const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper.js')
  .default as new (poolName: string) => AuthHelper;
export const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger.js').default as new (
  value: string,
  radix: number,
) => JsbnBigInteger;
const dateHelperCtor = require('amazon-cognito-identity-js/lib/DateHelper.js').default as new () => {
  getNowString(): string;
};
/** The library's own TIMESTAMP formatter (reads the real clock). */
export const libraryNowString = (): string => new dateHelperCtor().getNowString();

/** Big-integer from a bigint, for the library. */
export const jsbn = (value: bigint): JsbnBigInteger =>
  new BigInteger(value < 0n ? `-${(-value).toString(16)}` : value.toString(16), 16);

/** The library's A (computing it synchronously: its modPow calls back synchronously). */
export function largeA(helper: AuthHelper): bigint {
  let A: bigint | undefined;
  helper.getLargeAValue((err, value) => {
    if (err) throw err;
    A = BigInt(`0x${value.toString(16)}`);
  });
  if (A === undefined) throw new Error('AuthenticationHelper did not call back synchronously');
  return A;
}

/** The library's HKDF password key (synchronous, see {@link largeA}). */
export function libraryKey(helper: AuthHelper, userId: string, password: string, BHex: string, saltHex: string): Buffer {
  let key: Buffer | undefined;
  helper.getPasswordAuthenticationKey(userId, password, new BigInteger(BHex, 16), new BigInteger(saltHex, 16), (err, hkdf) => {
    if (err) throw err;
    key = Buffer.from(hkdf);
  });
  if (key === undefined) throw new Error('AuthenticationHelper did not call back synchronously');
  return key;
}
