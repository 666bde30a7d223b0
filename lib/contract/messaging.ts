/**
 * Sending the messages of `messages.ts` with `@webext-core/messaging`, typed by that table. zod-free at run time: the
 * popup and options page import this, and only the background checks payloads (against `MESSAGES`).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './messages';

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
