/** Administration pages under /staff/admin (English; staff pages are English only for now). */
export const adminEn = {
  'admin.title': 'Administration',
} as const;
