import { splitModelRef, type LlmSettings } from '@applydesk/config';
import { DomainError } from '@applydesk/domain';
import { createGateway, type Gateway, type GatewayOptions, type ModelRoute } from '@applydesk/llm';
import type { Store } from '@applydesk/store';

/**
 * The gateway for the configured providers, with each key read from the variable the
 * provider names and the store as ledger and cache (so budgets survive restarts).
 * Undefined when no provider is configured: drafting then uses the offline writer.
 */
export function openGateway(
  llm: LlmSettings,
  deps: {
    store: Store;
    secret: (name: string) => string | undefined;
    now?: () => Date;
    fetch?: typeof globalThis.fetch;
    overrides?: Partial<Pick<GatewayOptions, 'sleep' | 'retry' | 'breaker'>>;
  },
): Gateway | undefined {
  if (llm.providers.length === 0) return undefined;
  return createGateway({
    providers: llm.providers.map((p) => ({
      name: p.name,
      type: p.type,
      baseUrl: p.baseUrl,
      api: p.api,
      apiKeyEnv: p.apiKeyEnv,
      apiKey: p.apiKeyEnv === undefined ? undefined : deps.secret(p.apiKeyEnv),
      limits: p.limits,
    })),
    tasks: llm.tasks,
    budget: llm.budget,
    prices: llm.prices,
    ledger: deps.store.llmCalls,
    cache: deps.store.llmCache,
    timeoutMs: llm.timeoutMs,
    ...(deps.now === undefined ? {} : { now: deps.now }),
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...deps.overrides,
  });
}

/** "openai:gpt-4.1-mini" → its route; the model part may itself hold colons (ollama tags). */
export function parseModelRef(ref: string): ModelRoute {
  const at = ref.indexOf(':');
  if (at <= 0 || at === ref.length - 1) {
    throw new DomainError('INVALID_INPUT', `model "${ref}": expected provider:model`, {
      hint: 'for example openai:gpt-4.1-mini, with the provider named as under llm.providers',
    });
  }
  const { provider, model } = splitModelRef(ref);
  return { provider: provider.trim(), model: model.trim() };
}
