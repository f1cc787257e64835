import {
  type DocumentedOperation,
  type FieldDescription,
  type OpenApiDocument,
  operationsOf,
  requestFields,
  responseRows,
  responseSchemaNames,
  schemaFields,
} from "../../routes/api/openapi.ts";
import { API_TOKEN_PREFIX } from "../../teach/secrets.ts";

/** Text with `backtick` spans shown as code; everything else stays escaped text. */
function Prose({ text }: { text: string }) {
  return <>{text.split("`").map((part, index) => (index % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** A response body: linked to its fields below when it is a named schema. */
function BodyName({ name, document }: { name: string; document: OpenApiDocument }) {
  return name in document.components.schemas ? (
    <a href={`#schema-${name}`}>
      <code>{name}</code>
    </a>
  ) : (
    <code>{name}</code>
  );
}

const anchor = ({ operation }: DocumentedOperation) => `op-${operation.operationId}`;

function authLabel({ operation }: DocumentedOperation): string {
  return operation.security.length === 0 ? "None: public." : "API token: `Authorization: Bearer <token>`.";
}

function curlFor(origin: string, { method, path, operation }: DocumentedOperation): string {
  const url = `${origin}${path
    .replace("{slug}", "my-hedging-check")
    .replace("{id}", path.startsWith("/api/classes") ? "2f1c9e4e-6d1b-4c55-9a57-8d1e0c7b3a10" : "council-bridge-statement")
    .replace("{questionId}", "hedge-word")}`;
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} '${url}'`];
  if (operation.security.length > 0) lines.push(`  -H "Authorization: Bearer $SOURCEWISE_TOKEN"`);
  const example = operation.requestBody?.content["application/json"].example;
  if (example !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  --data '${JSON.stringify(example).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

function FieldTable({ caption, fields }: { caption: string; fields: FieldDescription[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr>
              <th scope="row">
                <code>{field.name}</code>
              </th>
              <td>{field.type}</td>
              <td>{field.required ? "yes" : field.defaultValue ? `no (default ${field.defaultValue})` : "no"}</td>
              <td>{field.description ? <Prose text={field.description} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Operation({ document, origin, entry }: { document: OpenApiDocument; origin: string; entry: DocumentedOperation }) {
  const { method, path, operation } = entry;
  const fields = requestFields(document, operation);
  const example = operation.requestBody?.content["application/json"].example;
  return (
    <section aria-labelledby={anchor(entry)}>
      <h3 id={anchor(entry)}>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h3>
      <p>
        <strong>{operation.summary}.</strong> {operation.description ? <Prose text={operation.description} /> : null}
      </p>
      <p>
        <strong>Authentication:</strong> <Prose text={authLabel(entry)} />
      </p>
      {operation.parameters && operation.parameters.length > 0 ? (
        <p>
          <strong>Parameters:</strong>{" "}
          {operation.parameters.map((parameter, index) => (
            <>
              {index > 0 ? "; " : ""}
              <code>{parameter.name}</code> ({parameter.in}): {parameter.description}
            </>
          ))}
        </p>
      ) : null}
      {fields.length > 0 ? <FieldTable caption="Request body (JSON); unknown fields are refused" fields={fields} /> : null}
      {example !== undefined ? (
        <>
          <p>Example body:</p>
          <pre>
            <code>{JSON.stringify(example, null, 2)}</code>
          </pre>
        </>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>Responses</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Meaning</th>
              <th scope="col">Body</th>
            </tr>
          </thead>
          <tbody>
            {responseRows(operation).map((row) => (
              <tr>
                <th scope="row">{row.status}</th>
                <td>
                  <Prose text={row.description} />
                </td>
                <td>{row.body ? <BodyName name={row.body} document={document} /> : "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>With curl:</p>
      <pre>
        <code>{curlFor(origin, entry)}</code>
      </pre>
    </section>
  );
}

/** The readable API reference, rendered from the OpenAPI document served at /api/openapi.json. */
export function ApiDocsPage({ document, origin }: { document: OpenApiDocument; origin: string }) {
  const operations = operationsOf(document);
  const tags = document.tags.filter((tag) => operations.some((entry) => entry.operation.tags.includes(tag.name)));
  return (
    <>
      <h1>{document.info.title}</h1>
      <p>
        <Prose text={document.info.description} />
      </p>
      <p>
        The same description, for tools: <a href="/api/openapi.json">OpenAPI 3.1 JSON</a> (version {document.info.version}).
      </p>
      <h2>Getting started</h2>
      <p>Create a token under Account and keep it secret: anyone with it can change your sets. Put it in an environment variable, then list your sets:</p>
      <pre>
        <code>{`export SOURCEWISE_TOKEN='${API_TOKEN_PREFIX}…'\ncurl '${origin}/api/sets' -H "Authorization: Bearer $SOURCEWISE_TOKEN"`}</code>
      </pre>
      <p>
        Errors are JSON: <code>{'{"error": "…", "details": [{"path": "…", "line": 3, "message": "…"}], "requestId": "…"}'}</code>. <code>details</code> names
        the field or the line of <code>content</code> at fault.
      </p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">Endpoints</h2>
        <ul>
          {operations.map((entry) => (
            <li>
              <a href={`#${anchor(entry)}`}>
                <code>
                  {entry.method.toUpperCase()} {entry.path}
                </code>
              </a>
              : {entry.operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag.name}`}>
          <h2 id={`tag-${tag.name}`}>{tag.name}</h2>
          <p>{tag.description}</p>
          {operations
            .filter((entry) => entry.operation.tags.includes(tag.name))
            .map((entry) => (
              <Operation document={document} origin={origin} entry={entry} />
            ))}
        </section>
      ))}
      <section aria-labelledby="api-bodies">
        <h2 id="api-bodies">Response bodies</h2>
        <p>
          Top-level fields of each JSON response. Nested objects are spelled out in <a href="/api/openapi.json">openapi.json</a>.
        </p>
        {responseSchemaNames(document).map((name) => (
          <section aria-labelledby={`schema-${name}`}>
            <h3 id={`schema-${name}`}>
              <code>{name}</code>
            </h3>
            <FieldTable caption={`Fields of ${name}`} fields={schemaFields(document, { $ref: `#/components/schemas/${name}` })} />
          </section>
        ))}
      </section>
    </>
  );
}
