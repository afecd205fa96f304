/** The public surface of src/site: what other capabilities and the app may use. */
export { notFoundPage, requestErrorPage, serverErrorPage } from './error-pages.js';
export { homePage } from './home-page.js';
export { apiReference } from './api-reference.js';
