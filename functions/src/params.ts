// Deploy-time parameters (firebase-functions params): functions/.env holds the production values,
// functions/.env.<projectId> overrides them per project (functions/.env.demo-sos for the emulators).
import { defineInt, defineSecret, defineString } from 'firebase-functions/params';

const DEFAULT_REGION = 'us-central1';

/** Where every function runs; the web client calls callables in the same region (VITE_FUNCTIONS_REGION). */
export const REGION = defineString('REGION', { default: DEFAULT_REGION });

/** REGION at run time; code run outside firebase-tools (the tests' own process) has no REGION in its environment. */
export function functionsRegion(): string {
  return REGION.value() || DEFAULT_REGION;
}

/** Warm instances of the functions on a new request's path, so the first SOS of the night meets no cold start. */
export const MIN_INSTANCES = defineInt('MIN_INSTANCES', { default: 1 });

/** The web app's origin, for invitation links when a call carries no Origin header. */
export const APP_ORIGIN = defineString('APP_ORIGIN', { default: 'http://127.0.0.1:5173' });

/**
 * Where the providers call back: `<WEBHOOK_BASE_URL>/telegramWebhook`, `<WEBHOOK_BASE_URL>/twilioWebhook`. Twilio signs
 * the full URL it called, so this must be exactly the functions' public base URL. The journal export's one-time
 * download links point there too (`<WEBHOOK_BASE_URL>/journalExport`).
 */
export const WEBHOOK_BASE_URL = defineString('WEBHOOK_BASE_URL', { default: 'http://127.0.0.1:5001/demo-sos/us-central1' });

/**
 * WEBHOOK_BASE_URL at run time (code run outside firebase-tools has no parameters: the emulators' URL). On the
 * emulators (and in the tests' own process) a loopback URL is moved by SOS_PORT_OFFSET like every emulator port
 * (scripts/emulatorPorts.mjs): firebase-tools passes its own environment on to the functions it runs.
 */
export function webhookBaseUrl(): string {
  const configured = WEBHOOK_BASE_URL.value() || `http://127.0.0.1:5001/demo-sos/${functionsRegion()}`;
  const onTheEmulators = process.env.FUNCTIONS_EMULATOR === 'true' || !WEBHOOK_BASE_URL.value();
  return onTheEmulators ? movedByPortOffset(configured, process.env.SOS_PORT_OFFSET) : configured;
}

/** A loopback URL with its port moved by SOS_PORT_OFFSET (`offset`, as the environment spells it); others unchanged. */
export function movedByPortOffset(url: string, offset: string | undefined): string {
  const moveBy = Number(offset ?? 0);
  if (!Number.isInteger(moveBy) || moveBy < 0) throw new Error(`config/port-offset: SOS_PORT_OFFSET must be a whole number ≥ 0, got "${offset}"`);
  const parsed = new URL(url);
  if (!moveBy || !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return url;
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  parsed.port = String(port + moveBy);
  // URL keeps no trailing slash the caller did not give; the base URL is joined with `/<function>`.
  return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
}

/** The bot's username, for `https://t.me/<bot>?start=<code>` links. */
export const TELEGRAM_BOT_NAME = defineString('TELEGRAM_BOT_NAME', { default: 'sos_demo_bot' });

/** Provider credentials (functions/.secret.local holds demo values for the emulators). */
export const TELEGRAM_BOT_TOKEN = defineSecret('TELEGRAM_BOT_TOKEN');
export const TELEGRAM_WEBHOOK_SECRET = defineSecret('TELEGRAM_WEBHOOK_SECRET');
export const TWILIO_ACCOUNT_SID = defineSecret('TWILIO_ACCOUNT_SID');
export const TWILIO_AUTH_TOKEN = defineSecret('TWILIO_AUTH_TOKEN');
export const TWILIO_FROM = defineSecret('TWILIO_FROM');
export const REACH_SECRETS = [TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM];
