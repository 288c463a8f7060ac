import type { AnySourceAdapter } from './adapter.js';

/** Every source type ApplyDesk knows, in the order `sources list` shows them. */
export const SOURCE_ADAPTERS: readonly AnySourceAdapter[] = [];

export function findSourceAdapter(type: string): AnySourceAdapter | undefined {
  return SOURCE_ADAPTERS.find((adapter) => adapter.type === type);
}
