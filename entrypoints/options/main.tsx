import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from './Options';
import { t } from '@/lib/extension/i18n';
import './options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
