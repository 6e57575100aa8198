/** N calls at a fixed concurrency, bounded in count and time, with the client process's CPU time. */

export interface LoadResult {
  /** Calls finished (success or failure). */
  readonly completed: number;
  readonly failed: number;
  readonly requestsPerSecond: number;
  /** User + system CPU of this process per finished call, ms. */
  readonly cpuMsPerCall: number;
  /** The system (kernel) part of it: on loopback the kernel's TCP work for both ends lands here. */
  readonly systemMsPerCall: number;
  /** True when the time bound stopped the run before N calls. */
  readonly cutShort: boolean;
}

/** `call` resolves true on a correct answer; false or a rejection counts as a failure. */
export async function runLoad(call: () => Promise<boolean>, count: number, concurrency: number, maxMs: number): Promise<LoadResult> {
  let started = 0;
  let completed = 0;
  let failed = 0;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  const cpu0 = process.cpuUsage();
  const worker = async (): Promise<void> => {
    while (started < count && performance.now() < deadline) {
      started++;
      try {
        if (!(await call())) failed++;
      } catch {
        failed++;
      }
      completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  return {
    completed,
    failed,
    requestsPerSecond: completed / seconds,
    cpuMsPerCall: (cpu.user + cpu.system) / 1000 / Math.max(completed, 1),
    systemMsPerCall: cpu.system / 1000 / Math.max(completed, 1),
    cutShort: completed < count,
  };
}
