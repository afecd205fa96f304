/** The public surface of src/directory: what other capabilities and the app may use. */
export { directoryApi } from './directory-api.js';
export { directoryContract } from './api-contract.js';
export { directoryPages } from './directory-pages.js';
export { createDirectoryService, type DirectoryService } from './directory-service.js';
export {
  directionsUrl,
  homeZone,
  locationById,
  providerById,
  visitTypeById,
  timesNote,
  openingStatus,
  type Directory,
  type Location,
  type Provider,
  type VisitType,
} from './directory.js';
export { loadNetwork, readNetworkFile } from './network-loader.js';
export { byDistance, ZIP_PATTERN, zipCentre } from './nearest.js';
export { openingStatusText } from './opening-status-view.js';
export { DirectionsLink } from './directions-link.js';
