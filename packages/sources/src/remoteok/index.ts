export {
  remoteokSource,
  RemoteOkConfig,
  RemoteOkJob,
  remoteOkUrl,
  isLegalNotice,
} from './remoteok.source.js';
