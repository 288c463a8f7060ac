import { readFileSync } from 'node:fs';

/** A recorded provider answer from ../fixtures, as text. */
function recorded(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** The recorded OpenAI chat completion carrying another answer: the wire shape stays real. */
export function openAiAnswer(content: string): string {
  const body = JSON.parse(recorded('openai-chat-completion.json')) as {
    choices: { message: { content: string } }[];
  };
  const choice = body.choices[0];
  if (choice !== undefined) choice.message.content = content;
  return JSON.stringify(body);
}

/** The recorded Anthropic message carrying another answer. */
export function anthropicAnswer(text: string): string {
  const body = JSON.parse(recorded('anthropic-message.json')) as { content: { text: string }[] };
  const part = body.content[0];
  if (part !== undefined) part.text = text;
  return JSON.stringify(body);
}

/** The recorded OpenAI embeddings list, one vector per input as `vectorOf` says. */
export function embeddingsAnswer(
  inputs: string[],
  vectorOf: (text: string, i: number) => number[],
): string {
  const body = JSON.parse(recorded('openai-embeddings.json')) as {
    data: { object: string; index: number; embedding: number[] }[];
  };
  body.data = inputs.map((text, index) => ({
    object: 'embedding',
    index,
    embedding: vectorOf(text, index),
  }));
  return JSON.stringify(body);
}
