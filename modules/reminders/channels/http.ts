// Outgoing HTTP for robots and webhooks: JSON POST with a time limit; failures become short
// messages for the delivery log (never the remote's whole answer).
export class ChannelError extends Error {
  constructor(message: string) {
    super(message.slice(0, 300));
    this.name = 'ChannelError';
  }
}

const HTTP_TIMEOUT_MS = 10_000;

export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ChannelError('invalid URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ChannelError('URL must be http(s)');
  let res: Response;
  try {
    res = await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body, redirect: 'error', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new ChannelError(`request failed${cause ? ` (${cause})` : (e as Error).name === 'TimeoutError' ? ' (timeout)' : ''}`);
  }
  const text = (await res.text().catch(() => '')).slice(0, 2000);
  if (!res.ok) throw new ChannelError(`HTTP ${res.status}`);
  return { status: res.status, text };
}
