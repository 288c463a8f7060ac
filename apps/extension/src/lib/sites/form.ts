import { clean } from '../text.js';
import type { ApplyForm, FormField } from './types.js';

type Field = HTMLTextAreaElement | HTMLInputElement;

const LETTER =
  /cover|letter|proposal|motivation|why.*(you|us|interested)|additional information|comments/i;

/** The words that label a field: its <label>, aria attributes, or the text just before it. */
export function labelOf(doc: Document, field: Element): string {
  const id = field.getAttribute('id');
  if (id !== null && id !== '') {
    for (const label of Array.from(doc.querySelectorAll('label'))) {
      if (label.getAttribute('for') === id) {
        const text = clean(label.textContent);
        if (text !== null) return text;
      }
    }
  }
  const wrapping = field.closest('label');
  if (wrapping !== null) {
    const text = clean(wrapping.textContent);
    if (text !== null) return text;
  }
  const aria = clean(field.getAttribute('aria-label'));
  if (aria !== null) return aria;
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy !== null) {
    const text = clean(
      labelledBy
        .split(/\s+/)
        .map((ref) => doc.getElementById(ref)?.textContent ?? '')
        .join(' '),
    );
    if (text !== null) return text;
  }
  // The nearest container with text besides the field itself.
  let parent = field.parentElement;
  for (let depth = 0; parent !== null && depth < 3; depth += 1, parent = parent.parentElement) {
    const text = clean(parent.textContent);
    if (text !== null) return text;
  }
  return clean(field.getAttribute('placeholder')) ?? clean(field.getAttribute('name')) ?? '';
}

function usable(field: Element): field is Field {
  const tag = field.tagName.toLowerCase();
  if (tag === 'textarea') return !field.hasAttribute('disabled') && !field.hasAttribute('readonly');
  if (tag !== 'input') return false;
  const type = (field.getAttribute('type') ?? 'text').toLowerCase();
  return type === 'text' && !field.hasAttribute('disabled') && !field.hasAttribute('readonly');
}

export function fieldOf(doc: Document, element: Element | null): FormField | null {
  return element !== null && usable(element) ? { label: labelOf(doc, element), element } : null;
}

/**
 * An application form in general terms: the letter is the textarea whose name or label
 * speaks of a cover letter or proposal; every other textarea is a question.
 */
export function genericForm(doc: Document, root: ParentNode = doc): ApplyForm {
  const fields = Array.from(root.querySelectorAll('textarea'))
    .filter(usable)
    .map((element) => ({ label: labelOf(doc, element), element }));
  const isLetter = (f: FormField): boolean =>
    LETTER.test(
      `${f.element.getAttribute('name') ?? ''} ${f.element.getAttribute('id') ?? ''} ${f.label}`,
    );
  const letter = fields.find(isLetter) ?? null;
  return { letter, questions: fields.filter((f) => f !== letter) };
}

/** A form from explicit selectors, with the generic reading for what they miss. */
export function formFrom(
  doc: Document,
  letterSelectors: string[],
  questionSelector?: string,
): ApplyForm {
  let letter: FormField | null = null;
  for (const selector of letterSelectors) {
    letter = fieldOf(doc, doc.querySelector(selector));
    if (letter !== null) break;
  }
  const generic = genericForm(doc);
  const questions =
    questionSelector === undefined
      ? generic.questions
      : Array.from(doc.querySelectorAll(questionSelector))
          .map((el) => fieldOf(doc, el))
          .filter((f): f is FormField => f !== null);
  letter ??= generic.letter;
  return { letter, questions: questions.filter((q) => q.element !== letter?.element) };
}
