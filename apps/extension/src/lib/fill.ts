import type { ApplyForm } from './sites/types.js';

/**
 * Writes text into a page's own field the way typing would: through the element's native
 * value setter (so frameworks that wrap `value` see it) and with input and change events.
 * Only values: nothing is clicked, and no form is ever submitted.
 */
export function setFieldValue(element: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const view = element.ownerDocument.defaultView;
  const proto =
    element.tagName.toLowerCase() === 'textarea'
      ? view?.HTMLTextAreaElement.prototype
      : view?.HTMLInputElement.prototype;
  // Reflect.set with the element as receiver runs the prototype's own setter on it.
  if (proto === undefined || !Reflect.set(proto, 'value', text, element)) element.value = text;
  const EventCtor = view?.Event ?? Event;
  element.dispatchEvent(new EventCtor('input', { bubbles: true }));
  element.dispatchEvent(new EventCtor('change', { bubbles: true }));
}

/** Fills the letter and the questions in order; answers beyond the questions are left out. */
export function fillForm(
  form: ApplyForm,
  letter: string | null,
  answers: string[],
): { letter: boolean; answers: number } {
  let wroteLetter = false;
  if (letter !== null && form.letter !== null) {
    setFieldValue(form.letter.element, letter);
    wroteLetter = true;
  }
  let count = 0;
  form.questions.forEach((question, i) => {
    const answer = answers[i];
    if (answer === undefined || answer === '') return;
    setFieldValue(question.element, answer);
    count += 1;
  });
  return { letter: wroteLetter, answers: count };
}
