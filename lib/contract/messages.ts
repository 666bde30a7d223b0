/**
 * The typed messages between the content script, the popup, the options page and the background.
 * Types only on this side (no zod at run time): the background checks every incoming payload with `message-schemas.ts`,
 * and the payload types here are inferred from those same schemas, so the two cannot drift apart.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type { ErpRequest, ErpSettings, Me, PermissionLevel, Vendor } from './api-bodies';
import type { Result, UserError } from './errors';
import type { messageSchemas } from './message-schemas';
import type { TrackedRequest } from '../../entrypoints/background/storage/stored-items';

/** What a message carries, as the background's schema for it accepts it. */
type Payload<K extends keyof typeof messageSchemas> = z.infer<(typeof messageSchemas)[K]>;

/** Everything the in-page control needs to know about one vendor. */
export interface VendorView {
  companyId: number;
  vendorId: number;
  vendor: Vendor;
  settings: ErpSettings;
  permission: PermissionLevel;
  /** The newest request for this vendor, or null if it was never sent. */
  latest: ErpRequest | null;
  /** Every request for this vendor, newest first (includes `latest`). */
  history: ErpRequest[];
  /** Set when an action could not be done as asked (409: already pending or synced) and this is the real state. */
  notice?: UserError;
}

/** A request the background tracks: the stored shape, checked by `trackedRequestSchema`. */
export type { TrackedRequest };

export interface QueueView {
  requests: TrackedRequest[];
  /** ISO time of the last successful refresh from the API, or null. */
  lastUpdated: string | null;
  /** Set when the last refresh failed (auth, offline…): the popup says what to do. */
  error: UserError | null;
  /** When the saved statuses were found damaged and rebuilt from the API (ISO time). */
  repairedAt?: string | null;
}

/** `origin`: the Procore origin of the page that asked, to link back later. */
export type SendInput = Payload<'send'>;
export type RetrieveInput = Payload<'retrieve'>;

export interface ProtocolMap {
  /** Content script → background: the vendor on this page, resolved (project pages find their company). */
  getVendor(data: Payload<'getVendor'>): Result<VendorView>;
  /** Content script / popup → background: send or re-send, exactly once per call. */
  send(data: SendInput): Result<VendorView>;
  retrieve(data: RetrieveInput): Result<VendorView>;
  /** Content script → background: tell this tab when this vendor's status changes. */
  watch(data: Payload<'watch'>): void;
  /** Popup → background: tracked requests; `refresh` asks the API first. */
  getQueue(data: Payload<'getQueue'>): QueueView;
  /** Options → background: call /me with these settings. */
  testConnection(data: Payload<'testConnection'>): Result<Me>;
  /** Background → content script (by tab): this vendor changed; ask again. */
  vendorChanged(data: { companyId: number; vendorId: number }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
