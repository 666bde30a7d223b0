import { mountPopup } from '@/entrypoints/popup/mount';

mountPopup(document.getElementById('app')!);
