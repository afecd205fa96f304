/** The public surface of src/content: what other capabilities and the app may use. */
export { guidePages } from './guide-pages.js';
export { loadGuides, type GuideLibrary } from './guides.js';
