import type { Child } from "hono/jsx";
import type { ErrorDetail } from "../../../../lib/errors.ts";

/**
 * Form fields that show their own errors: each error sits beside its field, is announced with
 * it (aria-describedby) and marks it invalid; a summary at the top links to every one.
 */

export type FieldErrors = ReadonlyMap<string, string[]>;
export type Values = Readonly<Record<string, string>>;

/** Errors keyed by field name (details whose path is a form field name). */
export function errorsByField(details: readonly ErrorDetail[]): FieldErrors {
  const map = new Map<string, string[]>();
  for (const detail of details) {
    const name = detail.path ?? "";
    map.set(name, [...(map.get(name) ?? []), detail.message]);
  }
  return map;
}

/** `options[2].text` → `f-options-2-text`: a valid, stable element id for a field name. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-$/, "")}`;
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const messages = errors.get(name);
  if (!messages) return null;
  return (
    <p class="field-error" id={`err-${fieldId(name)}`}>
      {messages.join(" ")}
    </p>
  );
}

function described(name: string, errors: FieldErrors, hint?: string) {
  const ids = [hint ? `hint-${fieldId(name)}` : "", errors.has(name) ? `err-${fieldId(name)}` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": errors.has(name) ? "true" : undefined };
}

interface FieldProps {
  name: string;
  label: Child;
  values: Values;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
  maxlength?: number;
}

export function TextField(props: FieldProps & { rows?: number; inputmode?: "decimal" | "numeric"; readonly?: boolean; class?: string }) {
  const id = fieldId(props.name);
  const value = props.values[props.name] ?? "";
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxlength: props.maxlength,
    readonly: props.readonly,
    class: props.class,
    ...described(props.name, props.errors, props.hint),
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="meta" id={`hint-${id}`}>
          {props.hint}
        </p>
      ) : null}
      {props.rows ? (
        <textarea {...common} rows={props.rows}>
          {value}
        </textarea>
      ) : (
        <input type="text" {...common} value={value} inputmode={props.inputmode} />
      )}
      <FieldError name={props.name} errors={props.errors} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: readonly (readonly [string, string])[] }) {
  const id = fieldId(props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} {...described(props.name, props.errors, props.hint)}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={props.values[props.name] === value}>
            {label}
          </option>
        ))}
      </select>
      <FieldError name={props.name} errors={props.errors} />
    </div>
  );
}

export function CheckField(props: FieldProps & { value?: string; type?: "checkbox" | "radio"; id?: string }) {
  const id = props.id ?? fieldId(props.name);
  const value = props.value ?? "on";
  return (
    <div class="choice">
      <input
        type={props.type ?? "checkbox"}
        id={id}
        name={props.name}
        value={value}
        checked={props.values[props.name] === value}
        {...described(props.name, props.errors, props.hint)}
      />
      <label for={id}>{props.label}</label>
      {props.type === "radio" ? null : <FieldError name={props.name} errors={props.errors} />}
    </div>
  );
}

/** Every error, linked to its field; shown above the form that was refused. */
export function ErrorSummary({ message, errors, known }: { message?: string; errors: FieldErrors; known: (name: string) => boolean }) {
  if (!message && errors.size === 0) return null;
  return (
    <div class="error" role="alert" id="form-errors">
      <p>
        <strong>{message ?? "Check the highlighted fields."}</strong>
      </p>
      <ul>
        {[...errors].map(([name, messages]) => (
          <li>
            {name && known(name) ? <a href={`#${fieldId(name)}`}>{name}</a> : name ? <code>{name}</code> : null}
            {name ? ": " : ""}
            {messages.join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
