// The journal export (Reports): asks the backend for a one-time download link of a range of one location's journal.
import { acceptHMRUpdate, defineStore } from 'pinia';
import type { CreateJournalExportRequest, CreateJournalExportResult } from '@sos/model';
import { callables } from '../firebase/functions';
import { callableRunner } from '../composables/callableFailure';

export const useJournalExportStore = defineStore('journalExport', () => {
  const { busy, failure, run } = callableRunner();

  /** The link and how many rows the file will have, or null when refused (`failure` says why). */
  async function createLink(request: CreateJournalExportRequest): Promise<CreateJournalExportResult | null> {
    return run(async () => (await callables.createJournalExport(request)).data);
  }

  return { busy, failure, createLink };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useJournalExportStore, import.meta.hot));
