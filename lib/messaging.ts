/**
 * The typed messages between the content script, the popup, the options page and the background.
 * Types only on this side (no zod): the background checks every incoming payload with `message-schemas.ts`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ErpRequest, ErpSettings, Me, PermissionLevel, Vendor } from './api-types';
import type { Result, UserError } from './errors';
import type { PageRef } from './page-ref';

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

/** A request the background tracks, with what it needs to link back and notify once. */
export interface TrackedRequest {
  request: ErpRequest;
  companyId: number;
  /** Origin of the Procore page it was sent from, to build the link back. */
  origin: string;
  /** The status the admin was last told about (notification/badge de-duplication). */
  notifiedStatus: ErpRequest['status'] | null;
}

export interface QueueView {
  requests: TrackedRequest[];
  /** ISO time of the last successful refresh from the API, or null. */
  lastUpdated: string | null;
  /** Set when the last refresh failed (auth, offline…): the popup says what to do. */
  error: UserError | null;
}

export interface SendInput {
  companyId: number;
  vendorId: number;
  /** Procore origin of the page that asked (to link back later). */
  origin: string;
}

export interface RetrieveInput {
  companyId: number;
  requestId: number;
}

export interface ProtocolMap {
  /** Content script → background: the vendor on this page, resolved (project pages find their company). */
  getVendor(data: { page: PageRef; refresh: boolean }): Result<VendorView>;
  /** Content script / popup → background: send or re-send, exactly once per call. */
  send(data: SendInput): Result<VendorView>;
  retrieve(data: RetrieveInput & { vendorId: number }): Result<VendorView>;
  /** Content script → background: tell this tab when this vendor's status changes. */
  watch(data: { companyId: number; vendorId: number }): void;
  /** Popup → background: tracked requests; `refresh` asks the API first. */
  getQueue(data: { refresh: boolean }): QueueView;
  /** Options → background: call /me with these settings. */
  testConnection(data: { baseUrl: string; token: string }): Result<Me>;
  /** Background → content script (by tab): this vendor changed; ask again. */
  vendorChanged(data: { companyId: number; vendorId: number }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
