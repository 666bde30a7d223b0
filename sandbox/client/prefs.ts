/**
 * Page switches read from the URL and remembered for the tab (sessionStorage), like a customer's beta opt-in:
 * `?ui=beta|classic`, `?lang=es|en`, `?as=viewer|admin`, `?erplabels=page|de` (Procore's ERP control in a language
 * the extension does not read).
 */

const CHOICES = {
  ui: ['classic', 'beta'],
  lang: ['en', 'es'],
  as: ['admin', 'viewer'],
  erplabels: ['page', 'de'],
} as const;
type Pref = keyof typeof CHOICES;
type Choice<P extends Pref> = (typeof CHOICES)[P][number];

export function rememberPrefs(search: string): void {
  const params = new URLSearchParams(search);
  for (const pref of Object.keys(CHOICES) as Pref[]) {
    const value = params.get(pref);
    if (value && (CHOICES[pref] as readonly string[]).includes(value)) sessionStorage.setItem(`sandbox.${pref}`, value);
  }
}

export function pref<P extends Pref>(name: P): Choice<P> {
  const stored = sessionStorage.getItem(`sandbox.${name}`);
  const choices = CHOICES[name] as readonly string[];
  return (stored && choices.includes(stored) ? stored : choices[0]) as Choice<P>;
}
