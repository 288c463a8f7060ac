import { createAnthropic } from '@ai-sdk/anthropic';
import { createCohere } from '@ai-sdk/cohere';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModel, LanguageModel } from 'ai';
import type { GatewayProvider, LlmProviderType } from './types.js';

/**
 * Each type's public API root. Always passed explicitly, so the SDK never falls back to
 * reading OPENAI_BASE_URL or ANTHROPIC_BASE_URL from the environment itself (only
 * packages/config reads the environment).
 */
export const DEFAULT_BASE_URLS: Record<LlmProviderType, string | undefined> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
  cohere: 'https://api.cohere.com/v2',
  'openai-compatible': undefined,
};

/** Types that cannot be called without a key (a local OpenAI-compatible server usually needs none). */
export function needsApiKey(type: LlmProviderType): boolean {
  return type !== 'openai-compatible';
}

export interface ProviderClient {
  language(model: string): LanguageModel;
  /** Null when the provider has no embeddings API (Anthropic). */
  embedding(model: string): EmbeddingModel | null;
}

/**
 * The AI SDK client for one configured provider, pointed at its base URL. The key is passed
 * explicitly (an empty string when absent: the gateway skips keyed providers without one
 * before calling, so the SDK never looks for a key in the environment).
 */
export function createProviderClient(
  provider: GatewayProvider,
  fetchImpl: typeof globalThis.fetch | undefined,
): ProviderClient {
  const baseURL = provider.baseUrl ?? DEFAULT_BASE_URLS[provider.type];
  const apiKey = provider.apiKey ?? '';
  const common = { apiKey, ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }) };
  switch (provider.type) {
    case 'openai': {
      const client = createOpenAI({ ...common, baseURL, name: provider.name });
      // Chat Completions by default: the API every OpenAI-compatible proxy also speaks.
      return {
        language: (m) => (provider.api === 'responses' ? client.responses(m) : client.chat(m)),
        embedding: (m) => client.embedding(m),
      };
    }
    case 'anthropic': {
      const client = createAnthropic({ ...common, baseURL });
      return { language: (m) => client.messages(m), embedding: () => null };
    }
    case 'google': {
      const client = createGoogleGenerativeAI({ ...common, baseURL });
      return { language: (m) => client.languageModel(m), embedding: (m) => client.embedding(m) };
    }
    case 'cohere': {
      const client = createCohere({ ...common, baseURL });
      return { language: (m) => client.languageModel(m), embedding: (m) => client.embedding(m) };
    }
    case 'openai-compatible': {
      if (baseURL === undefined) {
        throw new Error(`provider ${provider.name} (openai-compatible) needs a baseUrl`);
      }
      const client = createOpenAICompatible({
        name: provider.name,
        baseURL,
        ...(provider.apiKey === undefined ? {} : { apiKey: provider.apiKey }),
        ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
        includeUsage: true,
      });
      return {
        language: (m) => client.chatModel(m),
        embedding: (m) => client.embeddingModel(m),
      };
    }
  }
}
