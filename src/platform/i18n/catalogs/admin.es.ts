import type { adminEn } from './admin.en.js';

/** Administration pages in Spanish: every key of admin.en.ts. */
export const adminEs: { readonly [K in keyof typeof adminEn]: string } = {
  'admin.title': 'Administración',
};
