import type { IncomingMessage } from 'node:http';

export declare const CLIENT_ADDRESS_HEADER: 'x-sunlight-client-address';
export declare const STAMPED_MARK: unique symbol;

export interface TrustedProxies {
  /** Number of configured entries; 0 = no proxy is trusted. */
  size: number;
  has(ip: string): boolean;
}

export declare function normalizeAddress(raw: unknown): string | null;
export declare function parseTrustedProxies(raw: string | undefined | null): TrustedProxies;
export declare function resolveClientAddress(socketAddress: string | undefined | null, forwardedFor: string | string[] | undefined | null, trusted: TrustedProxies | null): string;
export declare function stampClientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trusted: TrustedProxies | null): void;
