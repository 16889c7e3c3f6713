// After a refused submit, focus moves to the first field marked invalid: a screen reader then reads its label and its
// error (the field's aria-describedby), and a sighted person lands where the fix is.
import { nextTick } from 'vue';

export async function focusFirstInvalid(form: HTMLFormElement | null): Promise<void> {
  await nextTick();
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
