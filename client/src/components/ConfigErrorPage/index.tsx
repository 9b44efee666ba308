import { ConfigError } from '../../config';

interface Props {
  error: unknown;
}

const EXAMPLE = `{
  "region": "us-east-1",
  "apiUrl": "https://abc123.execute-api.us-east-1.amazonaws.com/prod",
  "userPoolId": "us-east-1_Example",
  "userPoolClientId": "exampleclientid",
  "cognitoEndpoint": null,
  "local": false,
  "outboxUrl": null
}`;

/** Shown instead of the app when ./config.json is missing or invalid. */
export function ConfigErrorPage({ error }: Props) {
  const configError = error instanceof ConfigError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main class="config-error" data-testid="config-error">
      <h1>Serverless Chat is not configured</h1>
      <p class="config-error__lead">{message}</p>
      {configError && configError.problems.length > 0 && (
        <ul>
          {configError.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {configError && (
        <p>
          Looked for: <code>{configError.url}</code>
        </p>
      )}
      <p>
        The app reads its settings from a <code>config.json</code> file next to <code>index.html</code>. The provisioner writes it when it
        uploads the client (<code>npm run provision -- --target local|localstack|aws</code>). It looks like this:
      </p>
      <pre>{EXAMPLE}</pre>
      <p>
        <button type="button" class="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </p>
    </main>
  );
}
