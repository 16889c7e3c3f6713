/** +73422580078 → "+7 342 258 00 78", the way the source document prints it: the first paint's grouping, without the phone library (formatPhone groups Russian numbers the same). */
export function prettyPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(digits);
  return match ? `+7 ${match[1]} ${match[2]} ${match[3]} ${match[4]}` : digits;
}
