// Phones in the app: people type «8 912 345-67-89» or «+7 (912) 345-67-89»; leaving the field shows the number grouped
// («+7 912 345 67 89») and the form stores E.164 (the model's normalizePhone); stored phones are shown grouped too.
// The phone library is a chunk of its own, fetched when a phone field is first focused or a list of phones opens, so
// screens whose first paint matters (/, /sos, /q) do not carry it.
import { shallowRef, type Directive, type ShallowRef } from 'vue';
import { prettyPhone } from '../shell/prettyPhone';

export type PhoneLibrary = typeof import('@sos/model/phone');

let loading: Promise<PhoneLibrary> | null = null;
const loaded = shallowRef<PhoneLibrary | null>(null);

/** The phone library, fetched once. */
export function loadPhoneLibrary(): Promise<PhoneLibrary> {
  loading ??= import('@sos/model/phone').then((library) => (loaded.value = library));
  return loading;
}

/**
 * The phone library once fetched (a phone field was focused), null until then: for a screen that must decide at once
 * (the wall's tap), which cannot wait for a chunk.
 */
export function usePhoneLibrary(): Readonly<ShallowRef<PhoneLibrary | null>> {
  return loaded;
}

/**
 * `v-phone-field` on a phone input: focusing it fetches the library, leaving it shows a phone grouped (through an
 * `input` event, so v-model keeps it). Anything that is not a phone stays as typed, for the form to say so.
 */
export const vPhoneField: Directive<HTMLInputElement> = {
  mounted(input) {
    input.addEventListener('focus', () => void loadPhoneLibrary());
    input.addEventListener('blur', async () => {
      const typed = input.value;
      const shown = (await loadPhoneLibrary()).formatPhone(typed);
      // Typed on while the library arrived: what they typed now is theirs.
      if (shown === typed || input.value !== typed) return;
      input.value = shown;
      input.dispatchEvent(new Event('input'));
    });
  },
};

/**
 * A stored phone as people read it: grouped by the library once it is here, by the first paint's own grouping of
 * Russian numbers until then (the same text for them). Reactive: a template that shows it redraws when the library comes.
 */
export function phoneText(phone: string): string {
  return loaded.value ? loaded.value.formatPhone(phone) : prettyPhone(phone);
}

/** `phoneText` for a screen that lists phones (staff, admins): it fetches the library, as no first paint waits for it. */
export function usePhoneText(): (phone: string) => string {
  void loadPhoneLibrary();
  return phoneText;
}
