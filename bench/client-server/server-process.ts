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
  startGateway({
    specsDir: message.specsDir,
    appPublicKey: message.appPublicKeyPem,
    gatewayPrivateKey: message.gatewayPrivateKeyPem,
  }).then(
    (gateway) => {
      process.send!({ url: gateway.url });
      process.once('disconnect', () => void gateway.close().then(() => process.exit(0)));
    },
    (error: unknown) => {
      process.stderr.write(`gateway failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
});
