import { describe, expect, it } from 'vitest';
import ru from '../../i18n/ru';
import en from '../../i18n/en';
import { qrCodeReadUrl, shellDataScript, shellLabels, takeAppScripts } from '../shellLabels';

describe("the first-paint shell's data", () => {
  it("labels are the QR screen's own «Нужна помощь» and title, in Russian and in English", () => {
    expect(shellLabels(ru)).toMatchObject({ needHelp: 'Нужна помощь', qrTitle: ru.qr.planTitle, tapRecorded: ru.qr.tapRecorded, loginTitle: 'Вход' });
    expect(shellLabels(en)).toMatchObject({ needHelp: en.qr.needHelp, qrTitle: en.qr.planTitle, loginTitle: en.login.title });
  });

  it("/login's notes are the login page's own: the link to sign up, and the demo's accounts filled in", () => {
    expect(shellLabels(ru)).toMatchObject({
      signupLink: 'Нет аккаунта? Зарегистрироваться',
      demoLogins: 'Демо-входы: resident@demo.test, staff@demo.test, admin@demo.test, пароль sos-demo-1',
    });
  });

  it('is written for the inline script as labels per language and the QR screen files, and cannot close the <script>', () => {
    const tricky = { ...ru, qr: { ...ru.qr, needHelp: '</script><b>' } };
    const appScripts = { entry: '/assets/index-abc.js', preloads: ['/assets/app-abc.js'] };
    const script = shellDataScript({ ru: tricky, en }, { qrScreenFiles: ['/assets/QrPlanPage-abc.js'], appScripts, qrCodeUrl: '', demoLogins: false });
    expect(script).not.toContain('</script>');
    const data = JSON.parse(script) as { labels: Record<string, { needHelp: string }>; qrScreenFiles: string[]; appScripts: unknown };
    expect(data.labels.ru?.needHelp).toBe('</script><b>');
    expect(Object.keys(data.labels)).toEqual(['ru', 'en']);
    expect(data.qrScreenFiles).toEqual(['/assets/QrPlanPage-abc.js']);
    expect(data.appScripts).toEqual(appScripts);
  });

  it("takes the app's entry and preloads out of the built page, for the shell to start them; a page without one entry fails the build", () => {
    const built = [
      '<head><title>SOS</title>',
      '  <script type="module" crossorigin src="/assets/index-A1.js"></script>',
      '  <link rel="modulepreload" crossorigin href="/assets/app-B2.js">',
      '  <link rel="modulepreload" crossorigin href="/assets/i18n-C3.js">',
      '  <link rel="stylesheet" crossorigin href="/assets/index-D4.css">',
      '</head>',
    ].join('\n');
    const { html, scripts } = takeAppScripts(built);
    expect(scripts).toEqual({ entry: '/assets/index-A1.js', preloads: ['/assets/app-B2.js', '/assets/i18n-C3.js'] });
    expect(html).not.toContain('.js');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-D4.css">');
    expect(() => takeAppScripts('<head></head>')).toThrow(/0 module entries/);
  });

  it("reads a wall code over Firestore's REST API: the emulator on demo- projects, Google's otherwise", () => {
    expect(qrCodeReadUrl('demo-sos', '127.0.0.1:9080')).toBe('http://127.0.0.1:9080/v1/projects/demo-sos/databases/(default)/documents/qrCodes/');
    expect(qrCodeReadUrl('sos-mycity', null)).toBe('https://firestore.googleapis.com/v1/projects/sos-mycity/databases/(default)/documents/qrCodes/');
    const shellData = { qrScreenFiles: [], appScripts: null, qrCodeUrl: qrCodeReadUrl('sos-mycity', null), demoLogins: false };
    const data = JSON.parse(shellDataScript({ ru, en }, shellData)) as { qrCodeUrl: string };
    expect(data.qrCodeUrl).toBe(qrCodeReadUrl('sos-mycity', null));
  });
});
