// A small Akismet client on Node's fetch.
// Not the akismet-api package: version 6 puts the key into the hostname (so it cannot reach a test
// server on 127.0.0.1 and leaks the key into DNS), has no timeout, returns only a boolean (losing the
// discard and guid headers) and drops recheck_reason. This client speaks the same protocol with
// a configurable base URL, a timeout, and every answer header kept.

import type { AkismetConfig } from '../config';

export type AkismetVerdict = 'spam' | 'ham' | 'discard' | 'error';

export interface AkismetAnswer {
  verdict: AkismetVerdict;
  guid?: string;
  proTip?: string;
  error?: string;
  debugHelp?: string;
  alertCode?: string;
  alertMsg?: string;
  status?: number;
  body?: string;
}

export type AkismetParams = Record<string, string>;

async function post(
  config: AkismetConfig,
  path: string,
  params: AkismetParams,
): Promise<{ status: number; body: string; headers: Headers }> {
  const form = new URLSearchParams({ ...params, api_key: config.key });
  if (config.isTest) form.set('is_test', '1');
  const res = await fetch(`${config.baseUrl.replace(/\/+$/, '')}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', 'User-Agent': 'Stadslog/0.1 | Akismet-client/1' },
    body: form.toString(),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  return { status: res.status, body: (await res.text()).trim(), headers: res.headers };
}

function headerFields(headers: Headers): Omit<AkismetAnswer, 'verdict'> {
  const get = (name: string) => headers.get(name) ?? undefined;
  return {
    guid: get('x-akismet-guid'),
    proTip: get('x-akismet-pro-tip'),
    error: get('x-akismet-error'),
    debugHelp: get('x-akismet-debug-help'),
    alertCode: get('x-akismet-alert-code'),
    alertMsg: get('x-akismet-alert-msg'),
  };
}

/** comment-check: anything but a clean "true" or "false" is an error, to be held and rechecked. */
export async function commentCheck(config: AkismetConfig, params: AkismetParams): Promise<AkismetAnswer> {
  try {
    const { status, body, headers } = await post(config, '/1.1/comment-check', params);
    const fields = { ...headerFields(headers), status, body: body.slice(0, 500) };
    if (status !== 200 || fields.error) return { verdict: 'error', ...fields };
    if (body === 'true') return { verdict: fields.proTip === 'discard' ? 'discard' : 'spam', ...fields };
    if (body === 'false') return { verdict: 'ham', ...fields };
    return { verdict: 'error', ...fields };
  } catch (err) {
    return { verdict: 'error', error: errorText(err) };
  }
}

export async function submitFeedback(
  config: AkismetConfig,
  kind: 'spam' | 'ham',
  params: AkismetParams,
): Promise<{ ok: boolean; error?: string }> {
  try {
    const { status, body, headers } = await post(config, kind === 'spam' ? '/1.1/submit-spam' : '/1.1/submit-ham', params);
    if (status === 200 && !headers.get('x-akismet-error')) return { ok: true };
    return { ok: false, error: headers.get('x-akismet-error') ?? `HTTP ${status}: ${body.slice(0, 200)}` };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

export async function verifyKey(
  config: AkismetConfig,
  blog: string,
): Promise<{ valid: boolean; alertCode?: string; alertMsg?: string; error?: string }> {
  try {
    const { status, body, headers } = await post(config, '/1.1/verify-key', { key: config.key, blog });
    const fields = headerFields(headers);
    if (status === 200 && body === 'valid') return { valid: true, alertCode: fields.alertCode, alertMsg: fields.alertMsg };
    return {
      valid: false,
      alertCode: fields.alertCode,
      alertMsg: fields.alertMsg,
      error: fields.debugHelp ?? fields.error ?? (body || `HTTP ${status}`),
    };
  } catch (err) {
    return { valid: false, error: errorText(err) };
  }
}

function errorText(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.message ?? String(err);
}
