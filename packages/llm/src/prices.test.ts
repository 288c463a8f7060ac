import { describe, expect, it } from 'vitest';
import { costOf, priceOf, PRICES } from './prices.js';

describe('prices', () => {
  it('every entry has a source and an as-of date', () => {
    for (const [model, price] of Object.entries(PRICES)) {
      expect(price.source, model).toMatch(/^https:\/\//);
      expect(price.asOf, model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('prices dated snapshots and -latest aliases as their model', () => {
    expect(priceOf('openai', 'gpt-4o-mini-2024-07-18')).toMatchObject({ inputPerMtok: 0.15 });
    expect(priceOf('openai', 'gpt-4o-2024-08-06')).toMatchObject({ inputPerMtok: 2.5 });
    expect(priceOf('claude', 'claude-sonnet-4-20250514')).toMatchObject({ outputPerMtok: 15 });
    expect(priceOf('claude', 'claude-3-5-haiku-latest')).toMatchObject({ inputPerMtok: 0.8 });
    expect(priceOf('gemini', 'models/gemini-2.5-flash-lite')).toMatchObject({ inputPerMtok: 0.1 });
    expect(priceOf('gemini', 'gemini-2.0-flash-001')).toMatchObject({ outputPerMtok: 0.4 });
    expect(priceOf('cohere', 'command-r-plus-08-2024')).toMatchObject({ inputPerMtok: 2.5 });
    expect(priceOf('cohere', 'command-r-08-2024')).toMatchObject({ inputPerMtok: 0.15 });
  });

  it('unknown models have no price; an override for provider:model wins', () => {
    expect(priceOf('local', 'llama3.1:8b')).toBeNull();
    // Another model that merely starts like a known one is not priced as it.
    expect(priceOf('openai', 'gpt-4o-minimal')).toBeNull();
    expect(priceOf('openai', 'gpt-4o-audio-preview')).toBeNull();
    const overrides = { 'openai:gpt-4.1-mini': { inputPerMtok: 1, outputPerMtok: 1 } };
    expect(priceOf('openai', 'gpt-4.1-mini', overrides)).toEqual({
      inputPerMtok: 1,
      outputPerMtok: 1,
    });
    expect(priceOf('proxy', 'gpt-4.1-mini', overrides)).toMatchObject({ inputPerMtok: 0.4 });
  });

  it('costs tokens at the price per million', () => {
    expect(costOf({ inputPerMtok: 3, outputPerMtok: 15 }, 1_000_000, 100_000)).toBe(4.5);
    expect(costOf({ inputPerMtok: 0.15, outputPerMtok: 0.6 }, 1000, 500)).toBeCloseTo(0.00045, 12);
  });
});
