// The one Admin SDK app of the functions (and of the tests that import them, which initialise it first).
import { getApps, initializeApp, type App } from 'firebase-admin/app';

export const app: App = getApps()[0] ?? initializeApp();
