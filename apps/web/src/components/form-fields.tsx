import type { ReactNode } from 'react';
import { SALARY_PERIODS } from '@applydesk/domain/vocabulary';
import { ApiError, errorText } from '../api.ts';

/** The field errors of a problem+json answer. */
export type FieldErrors = { path: string; reason: string }[];

/** A list as the text box shows it. */
export const commaList = (items: readonly string[]) => items.join(', ');
/** A number as the text box shows it; empty for none. */
export const numberText = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(n);
/** What was typed in a comma-separated box, as a list. */
export const words = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
/** Empty means none; anything else goes as a number, or as typed so the server's check names it. */
export const optionalNumber = (text: string): number | string | null =>
  text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;

/** Whether an error path is the field's own or under it (a list's items). */
const isUnder = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/**
 * What a refused save shows: each field error at its field (`errors`), and in the form's alert
 * (`failure`) the errors of fields the form does not show, `invalid` when every error has its
 * field, or the reason of a failure that names no field.
 */
export function refusalOf(
  error: unknown,
  shownPaths: readonly string[],
  invalid: string,
): { errors: FieldErrors; failure: string } {
  const errors = error instanceof ApiError ? error.errors : [];
  const elsewhere = errors.filter((e) => !shownPaths.some((field) => isUnder(e.path, field)));
  return {
    errors,
    failure:
      elsewhere.length > 0
        ? elsewhere.map((e) => `${e.path}: ${e.reason}`).join('; ')
        : errors.length > 0
          ? invalid
          : errorText(error),
  };
}

/** The server's reasons for one field: its path, or anything under it (a list's items). */
export function errorsFor(errors: FieldErrors, path: string): string[] {
  return errors
    .filter((e) => isUnder(e.path, path))
    .map((e) => {
      if (e.path === path) return e.reason;
      const sub = e.path.slice(path.length + 1);
      // A list's item by its place as people count, not its index.
      return `${/^\d+$/.test(sub) ? `item ${Number(sub) + 1}` : sub}: ${e.reason}`;
    });
}

interface FieldProps {
  path: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  className?: string;
  children: (attrs: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

interface ChoicesProps {
  path: string;
  legend: string;
  hint: string;
  options: readonly string[];
  chosen: string[];
  errors: FieldErrors;
  onChange: (chosen: string[]) => void;
  /** How an option reads; the value itself by default. */
  labelOf?: (option: string) => string;
}

/**
 * A form's labelled field and checkbox group, each showing the server's reasons for its path.
 * `scope` prefixes ids (`<scope>-ranking-weights-pay`, so a problem's path finds its field)
 * and class names, so each view styles its own.
 */
export function formFields(scope: string) {
  const fieldId = (path: string) => `${scope}-${path.replace(/\./g, '-')}`;

  function Field(props: FieldProps): ReactNode {
    const id = fieldId(props.path);
    const reasons = errorsFor(props.errors, props.path);
    const described = [
      props.hint === undefined ? null : `${id}-hint`,
      reasons.length === 0 ? null : `${id}-error`,
    ]
      .filter((x) => x !== null)
      .join(' ');
    return (
      <div className={`${scope}-field ${props.className ?? ''}`.trim()}>
        <label htmlFor={id}>{props.label}</label>
        {props.children({
          id,
          'aria-invalid': reasons.length > 0,
          'aria-describedby': described === '' ? undefined : described,
        })}
        {props.hint !== undefined && (
          <span id={`${id}-hint`} className="muted small">
            {props.hint}
          </span>
        )}
        {reasons.length > 0 && (
          <span id={`${id}-error`} className="flag-text small field-error">
            {reasons.join('; ')}
          </span>
        )}
      </div>
    );
  }

  /** A list with a fixed set of values, as one checkbox each. */
  function Choices(props: ChoicesProps): ReactNode {
    const id = fieldId(props.path);
    const reasons = errorsFor(props.errors, props.path);
    return (
      <fieldset
        className={`${scope}-group`}
        aria-describedby={`${id}-hint${reasons.length > 0 ? ` ${id}-error` : ''}`}
      >
        <legend>{props.legend}</legend>
        <div className={`${scope}-choices`}>
          {props.options.map((option) => (
            <label key={option}>
              <input
                type="checkbox"
                checked={props.chosen.includes(option)}
                onChange={(e) =>
                  props.onChange([
                    // In the list's own order, so ticking and unticking back is no change;
                    // values the form does not offer (written in the file) are kept.
                    ...props.options.filter((o) =>
                      o === option ? e.target.checked : props.chosen.includes(o),
                    ),
                    ...props.chosen.filter((c) => !props.options.includes(c)),
                  ])
                }
              />{' '}
              {props.labelOf?.(option) ?? option}
            </label>
          ))}
        </div>
        <span id={`${id}-hint`} className="muted small">
          {props.hint}
        </span>
        {reasons.length > 0 && (
          <span id={`${id}-error`} className="flag-text small field-error">
            {reasons.join('; ')}
          </span>
        )}
      </fieldset>
    );
  }

  /** The period a salary is paid per, longest first (a year is the common case). */
  function PeriodField(props: {
    path: string;
    errors: FieldErrors;
    value: string;
    onChange: (period: string) => void;
  }): ReactNode {
    return (
      <Field path={props.path} label="Per" errors={props.errors}>
        {(attrs) => (
          <select {...attrs} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
            {[...SALARY_PERIODS].reverse().map((period) => (
              <option key={period} value={period}>
                {period}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }

  return { fieldId, Field, Choices, PeriodField };
}

/** A form's save and undo buttons, with the outcome of the last save beside them. */
export function FormActions(props: {
  saveLabel: string;
  saving: boolean;
  changed: boolean;
  onUndo: () => void;
  message: string | null;
}): ReactNode {
  return (
    <div className="write">
      <button type="submit" className="primary" disabled={props.saving || !props.changed}>
        {props.saving ? 'Saving…' : props.saveLabel}
      </button>
      <button type="button" disabled={props.saving || !props.changed} onClick={props.onUndo}>
        Undo changes
      </button>
      {props.message !== null && <span role="status">{props.message}</span>}
    </div>
  );
}
