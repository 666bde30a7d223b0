import { mountPopup } from './mount';

mountPopup(document.getElementById('app')!);
