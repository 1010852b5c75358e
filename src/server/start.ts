// Start-up: validate configuration, open and migrate the database, listen.

import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createServices } from './services.ts';

// Any failure stops the process
// with a message a person can act on.
try {
  const config = loadConfig(process.env);
  const services = await createServices(config);
  const app = await createApp(services);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(message);
  process.exit(1);
}
