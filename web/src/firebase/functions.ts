// The people, locations, contact-method, second-path and export callables, typed by the contract; the emulator on demo- projects (same host and offset as the others).
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import type {
  AcceptInviteRequest,
  AcceptInviteResult,
  ConfirmContactRequest,
  ConfirmContactResult,
  CreateInviteRequest,
  CreateInviteResult,
  DescribeInviteRequest,
  DescribeInviteResult,
  CreateJournalExportRequest,
  CreateJournalExportResult,
  CreateLocationRequest,
  CreateLocationResult,
  RemoveMemberRequest,
  RevokeInviteRequest,
  LinkTelegramResult,
  OpenMyRequestRequest,
  OpenMyRequestResult,
  Role,
  SendContactCodeRequest,
  SendContactCodeResult,
  SetMemberRoleRequest,
  TestContactRequest,
  TestContactResult,
} from '@sos/model';
import { firebaseApp, usesEmulators } from './app';

const functions = getFunctions(firebaseApp, import.meta.env.VITE_FUNCTIONS_REGION ?? 'us-central1');
if (usesEmulators) {
  connectFunctionsEmulator(functions, import.meta.env.VITE_EMULATOR_HOST ?? '127.0.0.1', __EMULATOR_PORTS__.functions);
}

export const callables = {
  createInvite: httpsCallable<CreateInviteRequest, CreateInviteResult>(functions, 'createInvite'),
  describeInvite: httpsCallable<DescribeInviteRequest, DescribeInviteResult>(functions, 'describeInvite'),
  acceptInvite: httpsCallable<AcceptInviteRequest, AcceptInviteResult>(functions, 'acceptInvite'),
  revokeInvite: httpsCallable<RevokeInviteRequest, { revoked: true }>(functions, 'revokeInvite'),
  setMemberRole: httpsCallable<SetMemberRoleRequest, { role: Role }>(functions, 'setMemberRole'),
  removeMember: httpsCallable<RemoveMemberRequest, { removed: true }>(functions, 'removeMember'),
  createLocation: httpsCallable<CreateLocationRequest, CreateLocationResult>(functions, 'createLocation'),
  sendContactCode: httpsCallable<SendContactCodeRequest, SendContactCodeResult>(functions, 'sendContactCode'),
  confirmContact: httpsCallable<ConfirmContactRequest, ConfirmContactResult>(functions, 'confirmContact'),
  linkTelegram: httpsCallable<void, LinkTelegramResult>(functions, 'linkTelegram'),
  testContact: httpsCallable<TestContactRequest, TestContactResult>(functions, 'testContact'),
  openMyRequest: httpsCallable<OpenMyRequestRequest, OpenMyRequestResult>(functions, 'openMyRequest'),
  createJournalExport: httpsCallable<CreateJournalExportRequest, CreateJournalExportResult>(functions, 'createJournalExport'),
};
