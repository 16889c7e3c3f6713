// The browser's view of the network, for "not sent yet" messages.
import { onScopeDispose, ref } from 'vue';

export function useOnline() {
  const online = ref(globalThis.navigator?.onLine ?? true);
  const update = () => (online.value = navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onScopeDispose(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return online;
}
