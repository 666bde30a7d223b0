import { mountPopup } from '@/components/popup/mount';

mountPopup(document.getElementById('app')!);
