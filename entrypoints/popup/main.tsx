import { render } from 'preact';
render(<p>ERP Resend</p>, document.getElementById('app')!);
