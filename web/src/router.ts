// Routes of PRODUCT.md. Heavy sections (scanner, staff, admin) load only when opened.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@sos/model';
import { useSessionStore } from './stores/session';
import LoginPage from './pages/LoginPage.vue';
import HomePage from './pages/HomePage.vue';
import SosPage from './pages/resident/SosPage.vue';
import CountdownPage from './pages/resident/CountdownPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to anyone; every other route needs a signed-in user. */
    public?: boolean;
    roles?: Role[];
    /** Open to a visitor (anonymous at a QR code): the code's screen, their countdown and orders. */
    visitors?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', component: LoginPage, meta: { public: true } },
  { path: '/signup', component: () => import('./pages/people/SignUpPage.vue'), meta: { public: true } },
  // The invitation link: open to all, so a signed-out person is offered sign-in or sign-up on the way.
  { path: '/join/:code', component: () => import('./pages/people/JoinPage.vue'), props: true, meta: { public: true } },
  { path: '/', component: HomePage },
  { path: '/sos', component: SosPage },
  { path: '/sos/:requestId', component: CountdownPage, props: true, meta: { visitors: true } },
  { path: '/orders', component: () => import('./pages/resident/OrdersPage.vue'), meta: { visitors: true } },
  // «Как со мной связаться»: every signed-in person (not a visitor) says how to be alerted.
  { path: '/contacts', component: () => import('./pages/people/ContactMethodsPage.vue') },
  { path: '/orders/:requestId', component: () => import('./pages/resident/OrderPage.vue'), props: true, meta: { visitors: true } },
  // The staff queue; firebase/messaging loads from here only.
  { path: '/staff', component: () => import('./pages/staff/StaffPage.vue'), meta: { roles: ['staff', 'admin'] } },
  // «Мои смены»: the staff member's coming shifts and overrides.
  { path: '/staff/shifts', component: () => import('./pages/staff/MyShiftsPage.vue'), meta: { roles: ['staff', 'admin'] } },
  // The scanner (camera + zxing wasm) is its own chunk, loaded only on /scan.
  { path: '/scan', component: () => import('./pages/resident/ScanPage.vue') },
  // Signed out, the page signs in anonymously: a visitor asks for help without an account.
  { path: '/q/:qrToken', component: () => import('./pages/resident/QrPlanPage.vue'), props: true, meta: { public: true, visitors: true } },
  { path: '/admin/qr/print', component: () => import('./pages/admin/AdminQrPrintPage.vue'), meta: { roles: ['admin'] } },
  {
    path: '/admin',
    component: () => import('./pages/admin/AdminLayout.vue'),
    meta: { roles: ['admin'] },
    children: [
      { path: '', component: () => import('./pages/admin/AdminRequestsPage.vue') },
      { path: 'requests/:requestId', component: () => import('./pages/admin/AdminRequestPage.vue'), props: true },
      { path: 'stats', component: () => import('./pages/admin/AdminStatsPage.vue') },
      { path: 'roster', component: () => import('./pages/admin/AdminRosterPage.vue') },
      { path: 'shifts', component: () => import('./pages/admin/AdminShiftsPage.vue') },
      { path: 'people', component: () => import('./pages/admin/AdminPeoplePage.vue') },
      { path: 'locations', component: () => import('./pages/admin/AdminLocationsPage.vue') },
      { path: 'qr', component: () => import('./pages/admin/AdminQrPage.vue') },
    ],
  },
  { path: '/:pathMatch(.*)*', component: () => import('./pages/NotFoundPage.vue'), meta: { public: true } },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  await session.whenReady();
  if (!session.user) return { path: '/login', query: { redirect: to.fullPath } };
  if (session.isVisitor && !to.meta.visitors) return { path: '/login', query: { redirect: to.fullPath } };
  const roles = to.matched.flatMap((record) => record.meta.roles ?? []);
  // Home says why: a page of another role is not a blank redirect.
  if (roles.length > 0 && (!session.role || !roles.includes(session.role)))
    return { path: '/', query: { notAllowed: roles.includes('staff') ? 'staff' : 'admin' } };
  return true;
});
