/**
 * Work that follows an answer (tracking what the API said, checking a kept view again) in a task of its own, so that
 * the answer is sent first. A promise merely left running takes its turns between the answer's own steps, and
 * recording 10,000 tracked requests (checked, then written) holds the thread for over 100 ms.
 */
export function afterAnswer(what: string, work: () => Promise<unknown>): void {
  setTimeout(() => void work().catch((err: unknown) => console.error(`[erp-resend] ${what}`, err)));
}
