// One POST to a provider's HTTP API, for the live transports: never throws, and never puts a credential in a reason.

/** How long a provider may take before the message counts as failed (a hung API must not hold an alert step). */
export const PROVIDER_TIMEOUT_MS = 10_000;

export type ProviderResponse =
  | { reached: true; status: number; body: unknown }
  /** The provider was not reached or did not answer in time; `reason` names the error, not the URL. */
  | { reached: false; reason: string };

export async function postToProvider(url: string, init: { headers: Record<string, string>; body: string }): Promise<ProviderResponse> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { reached: false, reason: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): the reason quotes the start of the text instead.
  }
  return { reached: true, status: response.status, body };
}

/** A field of a provider's JSON answer (undefined when the answer is not an object). */
export function fieldOf(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** The start of a non-JSON answer, for a reason. */
export function excerptOf(body: unknown): string {
  return (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 200);
}
