/** The public surface of src/staff: what other capabilities and the app may use. */
export { ensureFirstAdmin } from './auth.js';
export { staffPages } from './staff-pages.js';
