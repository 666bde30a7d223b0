import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/entrypoints/options/Options';
import { t } from '@/lib/extension/i18n';
import '@/entrypoints/options/options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
