export { remotiveSource, RemotiveConfig, RemotiveJob, remotiveUrl } from './remotive.source.js';
