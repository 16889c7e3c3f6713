// The tab title in one place: "(waiting calls) <page heading> — SOS". The route sets the heading
// (pageHeading.ts), the staff alert the count (useNewRequestAlert.ts).
import { ref, watchEffect } from 'vue';
import { alertTitle } from '@sos/model';

export const pageTitle = ref('');
export const waitingCalls = ref(0);

export function keepDocumentTitle(): void {
  watchEffect(() => {
    document.title = alertTitle(pageTitle.value ? `${pageTitle.value} — SOS` : 'SOS', waitingCalls.value);
  });
}
