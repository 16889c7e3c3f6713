// The push transport seam: FCM in production, a recorder on the emulators (FCM has no emulator).

export interface PushMessage {
  title: string;
  body: string;
  /** App path opened by tapping the notification, e.g. `/staff?request=<id>`. */
  link: string;
  /** Notifications with the same tag replace each other on the device. */
  tag: string;
  data: Record<string, string>;
}

/** The outcome for one token; `unregistered` means the token is dead and its device must be removed. */
export type PushOutcome = { status: 'sent' | 'emulated'; error: null } | { status: 'failed' | 'unregistered'; error: string };

export interface PushTransport {
  readonly name: string;
  /** One outcome per token, in the order of `tokens`. Never throws for a single bad token. */
  send(tokens: readonly string[], message: PushMessage): Promise<PushOutcome[]>;
}
