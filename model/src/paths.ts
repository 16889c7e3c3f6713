// Every Firestore path in one place; both SDKs build their refs from these.
export const paths = {
  locations: () => 'locations',
  location: (locationId: string) => `locations/${locationId}`,
  objects: (locationId: string) => `locations/${locationId}/objects`,
  object: (locationId: string, objectId: string) => `locations/${locationId}/objects/${objectId}`,
  staff: (locationId: string) => `locations/${locationId}/staff`,
  staffMember: (locationId: string, uid: string) => `locations/${locationId}/staff/${uid}`,
  qrCodes: () => 'qrCodes',
  qrCode: (token: string) => `qrCodes/${token}`,
  users: () => 'users',
  user: (uid: string) => `users/${uid}`,
  devices: (uid: string) => `users/${uid}/devices`,
  device: (uid: string, deviceId: string) => `users/${uid}/devices/${deviceId}`,
  orders: (uid: string) => `users/${uid}/orders`,
  order: (uid: string, requestId: string) => `users/${uid}/orders/${requestId}`,
  sosRequests: () => 'sosRequests',
  sosRequest: (requestId: string) => `sosRequests/${requestId}`,
  events: (requestId: string) => `sosRequests/${requestId}/events`,
  event: (requestId: string, eventId: string) => `sosRequests/${requestId}/events/${eventId}`,
  deliveries: (requestId: string) => `sosRequests/${requestId}/deliveries`,
  delivery: (requestId: string, deliveryId: string) => `sosRequests/${requestId}/deliveries/${deliveryId}`,
  messages: (requestId: string) => `sosRequests/${requestId}/messages`,
  message: (requestId: string, messageId: string) => `sosRequests/${requestId}/messages/${messageId}`,
  /** The writer's own message count (the rules' rate limit). */
  messageRate: (requestId: string, uid: string) => `sosRequests/${requestId}/messageRates/${uid}`,
  /** Server-only: the throttle of a request's message pushes. */
  messageThrottle: (requestId: string) => `sosRequests/${requestId}/throttles/messages`,
  /** Server-only: what the backend needs to open a request at a location and push about it, in one read. */
  dispatches: () => 'dispatch',
  dispatch: (locationId: string) => `dispatch/${locationId}`,
  /** Server-only: the duty watch's memory of a location (the coverage gaps it has warned about). */
  dutyWatch: (locationId: string) => `dutyWatch/${locationId}`,
  /** Server-only: each person's SMS and call rate limits (Reach). */
  alertLimit: (uid: string) => `alertLimits/${uid}`,
} as const;

// People (PRODUCT.md "Contract additions → People").
export const peoplePaths = {
  invites: () => 'invites',
  invite: (code: string) => `invites/${code}`,
  members: (locationId: string) => `locations/${locationId}/members`,
  member: (locationId: string, uid: string) => `locations/${locationId}/members/${uid}`,
} as const;

// Reach (PRODUCT.md "Contract additions → Reach"): contact methods and notices; the rest functions only.
export const reachPaths = {
  contacts: (uid: string) => `users/${uid}/contacts`,
  contact: (uid: string, contactId: string) => `users/${uid}/contacts/${contactId}`,
  notices: (uid: string) => `users/${uid}/notices`,
  notice: (uid: string, noticeId: string) => `users/${uid}/notices/${noticeId}`,
  /** Functions only: a person's pending codes (hashed) and limits. */
  contactVerification: (uid: string) => `contactVerifications/${uid}`,
  /** Functions only: one-time Telegram links, by the SHA-256 of the code. */
  telegramLink: (codeHash: string) => `telegramLinks/${codeHash}`,
} as const;

// Shifts (PRODUCT.md "Contract additions → Shifts"): a location's weekly shifts and its duty overrides.
export const shiftPaths = {
  shifts: (locationId: string) => `locations/${locationId}/shifts`,
  shift: (locationId: string, shiftId: string) => `locations/${locationId}/shifts/${shiftId}`,
  overrides: (locationId: string) => `locations/${locationId}/overrides`,
  override: (locationId: string, overrideId: string) => `locations/${locationId}/overrides/${overrideId}`,
} as const;

// Reports (PRODUCT.md "Contract additions → Reports"): a location's daily rollups and, under each day, the markers of
// the audit events it has counted. Functions only; admins of the location read the days.
export const reportPaths = {
  dailyRollups: (locationId: string) => `locations/${locationId}/daily`,
  dailyRollup: (locationId: string, day: string) => `locations/${locationId}/daily/${day}`,
  rollupMarkers: (locationId: string, day: string) => `locations/${locationId}/daily/${day}/applied`,
  rollupMarker: (locationId: string, day: string, markerId: string) => `locations/${locationId}/daily/${day}/applied/${markerId}`,
  /** Functions only: one-time journal export links, by the SHA-256 of the token. */
  journalExport: (tokenHash: string) => `journalExports/${tokenHash}`,
} as const;

// Plans (issue 19): the plan image of an object, under the object's own id; its location's admins upload it.
export const planPaths = {
  plans: (locationId: string) => `locations/${locationId}/plans`,
  plan: (locationId: string, objectId: string) => `locations/${locationId}/plans/${objectId}`,
} as const;
