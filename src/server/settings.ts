/** Run-time settings read from the environment, checked once with errors that name the variable. */
export interface ServerSettings {
  host: string;
  port: number;
}

export function serverSettings(env: Record<string, string | undefined>): ServerSettings {
  const port = env.PORT === undefined || env.PORT === '' ? 4321 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
  }
  return { host: env.HOST || '127.0.0.1', port };
}
