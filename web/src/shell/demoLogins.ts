// The demo's accounts, shown on /login of a build that talks to the emulators (`npm start`, `npm run dev`): by the
// login page, and by the first-paint shell before the app has loaded. scripts/demo-data.ts creates them (a unit test
// holds the two equal).
export const DEMO_LOGINS = { accounts: 'resident@demo.test, staff@demo.test, admin@demo.test', password: 'sos-demo-1' } as const;
