/**
 * The RSA floor: one RSA-2048 SHA-256 signature (the request) plus one verification (the answer)
 * of typical payloads with keys already parsed: the least CPU any verifying client spends per call.
 */
import type { KeyObject } from 'node:crypto';
import { signContent, verifyContent } from '../../templates/runtime/index.js';
import { median } from '../harness.js';

const ITERATIONS = 200;

/** Median over `rounds` of the CPU ms of one sign + one verify. */
export function rsaFloorMs(requestText: string, responseText: string, privateKey: KeyObject, publicKey: KeyObject, signature: string, rounds: number): number {
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < ITERATIONS; i++) {
      signContent(requestText, privateKey, 'RSA2');
      if (!verifyContent(responseText, signature, publicKey, 'RSA2')) throw new Error('floor: the signature does not verify');
    }
    const cpu = process.cpuUsage(cpu0);
    perRound.push((cpu.user + cpu.system) / 1000 / ITERATIONS);
  }
  return median(perRound);
}
