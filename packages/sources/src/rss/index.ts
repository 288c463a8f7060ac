export { rssSource, normalizeRss, RssConfig, RssSecrets } from './rss.source.js';
export {
  parseFeed as parseJobFeed,
  type FeedEntry,
  type FeedFormat,
  type FeedResult,
} from './feed.js';
