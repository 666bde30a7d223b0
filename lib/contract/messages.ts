/**
 * Every message between the extension's contexts, declared once: the zod schema its payload must pass, who may send
 * it, and what it answers. Adding a message is one entry in `MESSAGES` and its handler in
 * `entrypoints/background/message-handlers.ts` (the handler table's type asks for it); the background registers,
 * guards and checks every entry from this table.
 *
 * zod is imported here. The content script and the popup take only types from this file (`import type`); the
 * runtime they call is `messaging.ts`, which is zod-free. The build fails if zod reaches the content script.
 */
import { z } from 'zod/mini';
import { idSchema, type ErpRequest, type Me, type PermissionLevel, type Vendor } from './api-bodies';
import type { ErpSettings } from '../erp/export-settings';
import type { BulkJob } from './bulk-resend';
import { BULK_RESEND_MAX, DIRECTORY_ROWS_MAX } from './limits';
import type { Result, UserError } from './errors';
import type { TrackedRequest } from './tracked-request';
import { WHOSE, type Me as SignedIn, type Whose } from '../erp/whose';

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

export interface QueueView extends QueueState {
  /** Every tracked request, newest first (`queueRequests` in `lib/erp/queue.ts`). */
  requests: TrackedRequest[];
}

/** The popup's list but its requests. */
export interface QueueState {
  /** ISO time of the last successful refresh from the API, or null. */
  lastUpdated: string | null;
  /** Set when the last refresh failed (auth, offline…): the popup says what to do. */
  error: UserError | null;
  /** When the saved statuses were found damaged and rebuilt from the API (ISO time). */
  repairedAt?: string | null;
  /** Synced requests dropped because storage was full, told once (the next list asked for clears it). */
  droppedForSpace?: { count: number; at: string } | null;
  /** The signed-in admin (`GET /me`): whose requests are "Sent by me". Null until known. */
  me: SignedIn | null;
  /** The popup's remembered filter. */
  whose: Whose;
  /** One line each: a company whose last poll left something out (its list refused, items of another company). */
  skipped: CompanySkip[];
}

/** What `getQueue` answers: the requests are null unless asked for. */
export type QueueAnswer = QueueState & { requests: TrackedRequest[] | null };

export interface CompanySkip {
  companyId: number;
  /** The list was refused (403, 404): the token no longer reaches the company. Its stored requests are kept. */
  error: UserError | null;
  /** Items of another company in its answer, left out. */
  foreign: number;
}

const directoryRefSchema = () =>
  z.discriminatedUnion('level', [
    z.object({ level: z.literal('company'), companyId: idSchema }),
    z.object({ level: z.literal('project'), projectId: idSchema }),
  ]);

const pageRefSchema = () =>
  z.discriminatedUnion('level', [
    z.object({ level: z.literal('company'), companyId: idSchema, vendorId: idSchema }),
    z.object({ level: z.literal('project'), projectId: idSchema, vendorId: idSchema }),
  ]);

const vendorIds = { companyId: idSchema, vendorId: idSchema };
const vendorIdsSchema = () => z.object(vendorIds);
/** A vendor acted on from its edit page: `projectId` when that page is a project's Directory. */
const pageVendor = { ...vendorIds, projectId: z.optional(idSchema) };
export type VendorIds = z.infer<ReturnType<typeof vendorIdsSchema>>;

/**
 * `from: 'page'`: a content script on a Procore page may send it (it only reads and acts on the vendor of its page);
 * `from: 'extension'`: only the extension's own pages (popup, options). The payload's schema is built when the first
 * message of its kind arrives: a worker woken by one message does not build the other twelve first.
 */
function message<Input extends z.ZodMiniType, From extends 'page' | 'extension'>(make: () => Input, from: From) {
  const input = z.lazy(make);
  return { answers: <Answer>() => ({ input, from, answer: undefined as Answer }) };
}

export const MESSAGES = {
  /** The vendor of a page, resolved (project pages find their company); `refresh` rereads settings too. */
  getVendor: message(() => z.object({ page: pageRefSchema(), refresh: z.boolean() }), 'page').answers<
    Result<VendorView>
  >(),
  /**
   * Send or re-send, exactly once per call. `origin`: the Procore origin of the page that asked, to link back. The
   * answer's view (here and in `retrieve`) has the permission of the page's project when `projectId` names one.
   */
  send: message(() => z.object({ ...pageVendor, origin: z.url() }), 'page').answers<Result<VendorView>>(),
  retrieve: message(() => z.object({ ...pageVendor, requestId: idSchema }), 'page').answers<Result<VendorView>>(),
  /**
   * The latest request of each of these vendors that has one, for the Directory list of the page (`page`, a company's
   * or a project's); learns the company, as `getVendor` does.
   */
  getDirectoryStatuses: message(
    () =>
      z.object({
        page: directoryRefSchema(),
        vendorIds: z.array(idSchema).check(z.minLength(1), z.maxLength(DIRECTORY_ROWS_MAX)),
      }),
    'page',
  ).answers<Result<ErpRequest[]>>(),
  /** Tell the sending tab (`vendorChanged`) when this vendor's record changes. */
  watch: message(vendorIdsSchema, 'page').answers<void>(),
  /** Open the options page (the page's "not connected" note links there; a content script cannot open it). */
  openOptions: message(() => z.object({}), 'page').answers<void>(),
  /**
   * The popup's list; `refresh` asks the API first. Its requests only with `requests: true`: the popup reads them itself
   * when their stored text is the one a worker checked (`entrypoints/popup/tracked-reader.ts`), and asks for them when
   * it is not, and they are null otherwise.
   */
  getQueue: message(
    () => z.object({ refresh: z.boolean(), requests: z.boolean() }),
    'extension',
  ).answers<QueueAnswer>(),
  /** Remember the popup's "Everyone / Sent by me" (its first screen is then saved that way). */
  setQueueFilter: message(() => z.object({ whose: z.enum(WHOSE) }), 'extension').answers<void>(),
  /**
   * Check these rejected, failed or retrieved companies against the export rules and store the plan of a bulk
   * re-send (what will be sent, what will not and why), to confirm; a bulk re-send still running is answered instead.
   */
  planBulkResend: message(
    () => z.object({ vendors: z.array(vendorIdsSchema()).check(z.minLength(1), z.maxLength(BULK_RESEND_MAX)) }),
    'extension',
  ).answers<Result<BulkJob>>(),
  /** The admin confirmed the plan `id`: the background sends it, whether the popup stays open or not. */
  startBulkResend: message(() => z.object({ id: z.string() }), 'extension').answers<BulkJob | null>(),
  /** The bulk re-send stored (planned, running or finished), or null. */
  getBulkResend: message(() => z.object({}), 'extension').answers<BulkJob | null>(),
  /** Forget the plan `id` (cancelled) or its summary (seen); a running one is left to finish. */
  clearBulkResend: message(() => z.object({ id: z.string() }), 'extension').answers<void>(),
  /** Call /me with these settings (the options page's Test connection). */
  testConnection: message(
    () => z.object({ baseUrl: z.url(), token: z.string().check(z.minLength(1)) }),
    'extension',
  ).answers<Result<Me>>(),
} as const;

export type RequestType = keyof typeof MESSAGES;
export type Payload<K extends RequestType> = z.infer<(typeof MESSAGES)[K]['input']>;
export type Answer<K extends RequestType> = (typeof MESSAGES)[K]['answer'];
/** The messages a content script may send. */
export type PageRequestType = {
  [K in RequestType]: (typeof MESSAGES)[K]['from'] extends 'page' ? K : never;
}[RequestType];

export type SendInput = Payload<'send'>;
export type RetrieveInput = Payload<'retrieve'>;

/** The background → content script push (by tab): this vendor changed; ask again. */
export interface PushMap {
  vendorChanged(data: VendorIds): void;
}

export type ProtocolMap = { [K in RequestType]: (data: Payload<K>) => Answer<K> } & PushMap;
