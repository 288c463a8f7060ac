import type { AnySourceAdapter } from './adapter.js';
import { arbeitnowSource } from './arbeitnow/index.js';
import { himalayasSource } from './himalayas/index.js';
import { hnSource } from './hn/index.js';
import { remoteokSource } from './remoteok/index.js';
import { remotiveSource } from './remotive/index.js';
import { themuseSource } from './themuse/index.js';

/** Every source type ApplyDesk knows, in the order `sources list` shows them. */
export const SOURCE_ADAPTERS: readonly AnySourceAdapter[] = [
  remotiveSource,
  remoteokSource,
  arbeitnowSource,
  himalayasSource,
  themuseSource,
  hnSource,
];

export function findSourceAdapter(type: string): AnySourceAdapter | undefined {
  return SOURCE_ADAPTERS.find((adapter) => adapter.type === type);
}
