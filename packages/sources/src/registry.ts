import type { AnySourceAdapter } from './adapter.js';
import { adzunaSource } from './adzuna/index.js';
import { arbeitnowSource } from './arbeitnow/index.js';
import { ashbySource } from './ashby/index.js';
import { greenhouseSource } from './greenhouse/index.js';
import { himalayasSource } from './himalayas/index.js';
import { hnSource } from './hn/index.js';
import { joobleSource } from './jooble/index.js';
import { jsonLdSource } from './jsonld/index.js';
import { leverSource } from './lever/index.js';
import { recruiteeSource } from './recruitee/index.js';
import { remoteokSource } from './remoteok/index.js';
import { remotiveSource } from './remotive/index.js';
import { rssSource } from './rss/index.js';
import { serpApiSource } from './serpapi/index.js';
import { smartRecruitersSource } from './smartrecruiters/index.js';
import { themuseSource } from './themuse/index.js';
import { upworkSource } from './upwork/index.js';
import { usaJobsSource } from './usajobs/index.js';
import { workableSource } from './workable/index.js';
import { workdaySource } from './workday/index.js';

/** Every source type ApplyDesk knows, in the order `sources list` shows them. */
export const SOURCE_ADAPTERS: readonly AnySourceAdapter[] = [
  greenhouseSource,
  leverSource,
  ashbySource,
  workableSource,
  smartRecruitersSource,
  recruiteeSource,
  workdaySource,
  remotiveSource,
  remoteokSource,
  arbeitnowSource,
  himalayasSource,
  themuseSource,
  hnSource,
  upworkSource,
  adzunaSource,
  joobleSource,
  serpApiSource,
  usaJobsSource,
  jsonLdSource,
  rssSource,
];

export function findSourceAdapter(type: string): AnySourceAdapter | undefined {
  return SOURCE_ADAPTERS.find((adapter) => adapter.type === type);
}
