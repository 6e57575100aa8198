/**
 * The gateway in its own process for the client/server benchmark, so its CPU never counts as the
 * client's. Keys arrive over IPC (never argv or env); it answers `{ url }` and stops when the
 * parent disconnects.
 */
import { startGateway } from '../../generator/gateway/index.js';

interface StartMessage {
  specsDir: string;
  appPublicKeyPem: string;
  gatewayPrivateKeyPem: string;
}

process.once('message', (message: StartMessage) => {
  // The first message starts the gateway; later ones ('cpu') are queries.
  startGateway({
    specsDir: message.specsDir,
    appPublicKey: message.appPublicKeyPem,
    gatewayPrivateKey: message.gatewayPrivateKeyPem,
  }).then(
    (gateway) => {
      process.send!({ url: gateway.url });
      // The parent asks for the server's own CPU, to show the server is not the bottleneck.
      process.on('message', (m: unknown) => {
        if (m === 'cpu') process.send!({ cpu: process.cpuUsage(), requests: gateway.stats().requests });
      });
      process.once('disconnect', () => void gateway.close().then(() => process.exit(0)));
    },
    (error: unknown) => {
      process.stderr.write(`gateway failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
});
