import { describe, expect, it } from 'vitest';
import ru from '../../i18n/ru';
import en from '../../i18n/en';
import { qrCodeReadUrl, shellDataScript, shellLabels } from '../shellLabels';

describe("the first-paint shell's data", () => {
  it("labels are the QR screen's own «Нужна помощь» and title, in Russian and in English", () => {
    expect(shellLabels(ru)).toMatchObject({ needHelp: 'Нужна помощь', qrTitle: ru.qr.planTitle, tapRecorded: ru.qr.tapRecorded, loginTitle: 'Вход' });
    expect(shellLabels(en)).toMatchObject({ needHelp: en.qr.needHelp, qrTitle: en.qr.planTitle, loginTitle: en.login.title });
  });

  it('is written for the inline script as labels per language and the QR screen files, and cannot close the <script>', () => {
    const tricky = { ...ru, qr: { ...ru.qr, needHelp: '</script><b>' } };
    const script = shellDataScript({ ru: tricky, en }, ['/assets/QrPlanPage-abc.js']);
    expect(script).not.toContain('</script>');
    const data = JSON.parse(script) as { labels: Record<string, { needHelp: string }>; qrScreenFiles: string[] };
    expect(data.labels.ru?.needHelp).toBe('</script><b>');
    expect(Object.keys(data.labels)).toEqual(['ru', 'en']);
    expect(data.qrScreenFiles).toEqual(['/assets/QrPlanPage-abc.js']);
  });

  it("reads a wall code over Firestore's REST API: the emulator on demo- projects, Google's otherwise", () => {
    expect(qrCodeReadUrl('demo-sos', '127.0.0.1:9080')).toBe('http://127.0.0.1:9080/v1/projects/demo-sos/databases/(default)/documents/qrCodes/');
    expect(qrCodeReadUrl('sos-mycity', null)).toBe('https://firestore.googleapis.com/v1/projects/sos-mycity/databases/(default)/documents/qrCodes/');
    const data = JSON.parse(shellDataScript({ ru, en }, [], qrCodeReadUrl('sos-mycity', null))) as { qrCodeUrl: string };
    expect(data.qrCodeUrl).toBe(qrCodeReadUrl('sos-mycity', null));
  });
});
