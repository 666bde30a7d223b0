import { MESSAGES, type RequestType } from '@/lib/contract/messages';
import { onMessage } from '@/lib/contract/messaging';
import { settingsItem } from '@/lib/extension/settings';
import { createBackgroundApp } from './app';

const UPKEEP_DELAY_MS = 1000;

export default defineBackground(() => {
  const app = createBackgroundApp();
  const log = (what: string) => (err: unknown) => console.error(`[erp-resend] ${what}`, err);

  // Every listener synchronously, first: Chrome delivers the event that woke the worker only to listeners added
  // in the first turn.
  for (const type of Object.keys(MESSAGES) as RequestType[]) {
    onMessage(type, ({ data, sender }) => app.handle(type, data, sender) as Promise<never>);
  }
  browser.alarms.onAlarm.addListener((alarm) => void app.onAlarm(alarm.name).catch(log('poll')));
  browser.notifications.onClicked.addListener((id) => void app.onNotificationClicked(id).catch(log('notification')));
  browser.runtime.onInstalled.addListener(({ reason }) => void app.onInstalled(reason).catch(log('install')));
  settingsItem().watch(() => void app.onSettingsChanged().catch(log('settings')));

  // The event that woke the worker is answered first: the start's upkeep reads every tracked request (tens of
  // milliseconds for a thousand), which the page or popup waiting for an answer should not pay.
  setTimeout(() => void app.start().catch(log('start')), UPKEEP_DELAY_MS);
});
