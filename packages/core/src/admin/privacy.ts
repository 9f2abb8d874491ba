import type { AdvocacyBackend } from '../backend/backend.js';
import type { ErasureResult, PersonalDataExport, PrivacySettings } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, AsyncState } from '../client/types.js';
import { resource, toAdvocacyError } from '../internal/store.js';

export interface PrivacyAdminController {
  /** The click retention in force (`admin.getPrivacySettings`), loaded on first subscriber. */
  readonly settings: AdvocacyStore<AsyncState<PrivacySettings>>;
  /** Loads the settings again; also the retry of their error state. */
  refreshSettings(): Promise<void>;
  /** Stores a new retention (days, or null to keep clicks) and reloads the settings. */
  saveRetention(days: number | null): Promise<PrivacySettings>;
  /** Everything stored about one person. */
  exportPerson(employeeId: string): Promise<PersonalDataExport>;
  /** Anonymises one person (idempotent); the result names their pseudonym. */
  erase(employeeId: string): Promise<ErasureResult>;
  /** Whether the backend offers each part (the optional methods are there). */
  readonly supports: { settings: boolean; export: boolean; erase: boolean };
}

const missing = (what: string) => new AdvocacyError('not_found', `This backend has no ${what}`);

/** The privacy admin's operations over a backend: retention setting, a person's export, erasure. */
export function createPrivacyAdmin(options: {
  backend: AdvocacyBackend;
  onErased?: (result: ErasureResult) => void;
}): PrivacyAdminController {
  const admin = options.backend.admin;
  const settings = resource(() => (admin.getPrivacySettings ? admin.getPrivacySettings() : Promise.reject(missing('privacy settings'))));
  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toAdvocacyError(error);
    }
  };
  return {
    settings: settings.store,
    refreshSettings: settings.refresh,
    supports: { settings: Boolean(admin.getPrivacySettings), export: Boolean(admin.exportEmployee), erase: Boolean(admin.eraseEmployee) },
    saveRetention: (days) =>
      wrap(async () => {
        if (!admin.updatePrivacySettings) throw missing('privacy settings');
        const saved = await admin.updatePrivacySettings({ clickRetentionDays: days });
        settings.$state.set({ status: 'ready', data: saved, error: null });
        return saved;
      }),
    exportPerson: (employeeId) =>
      wrap(() => (admin.exportEmployee ? admin.exportEmployee(employeeId) : Promise.reject(missing('personal data export')))),
    erase: (employeeId) =>
      wrap(async () => {
        if (!admin.eraseEmployee) throw missing('erasure');
        const result = await admin.eraseEmployee(employeeId);
        options.onErased?.(result);
        return result;
      }),
  };
}
