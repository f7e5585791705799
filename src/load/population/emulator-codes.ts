/** Reads confirmation codes from a cogcap emulator (`GET /_cogcap/codes`, emulator-only). */
export interface EmulatorCodeReader {
  getCode(userPoolId: string, username: string, kind: 'signup' | 'forgot' | 'attribute'): Promise<string>;
}

/**
 * The `ctx.emulator` helper of flows for an emulator at `baseUrl`: the latest sign-up, forgot-password or
 * (e-mail) attribute-verification code the emulator "sent". Throws when the emulator has none.
 */
export function emulatorCodeReader(baseUrl: string): EmulatorCodeReader {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  return {
    async getCode(userPoolId, username, kind) {
      const url = `${base}/_cogcap/codes?userPoolId=${encodeURIComponent(userPoolId)}&username=${encodeURIComponent(username)}`;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`emulator codes: HTTP ${res.status} for ${username}`);
      const body = (await res.json()) as {
        signUp?: { code: string } | null;
        forgotPassword?: { code: string } | null;
        attributes?: Record<string, { code: string } | null>;
      };
      const entry = kind === 'signup' ? body.signUp : kind === 'forgot' ? body.forgotPassword : body.attributes?.email;
      if (!entry?.code) throw new Error(`emulator codes: no ${kind} code for ${username}`);
      return entry.code;
    },
  };
}
