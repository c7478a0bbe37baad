// Issues GET requests from a child process (its own CPU share and event loop, so it does not
// queue behind the server it measures) with a fixed number of clients, each waiting for its
// answer before the next, and reports exact latency percentiles. Plain JavaScript: no tsx.
process.once("message", async ({ url, cookie, paths, connections, duration }) => {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const end = performance.now() + duration * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length];
      const started = performance.now();
      const res = await fetch(url + path, { headers: { cookie } });
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res.status !== 200) failures++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? NaN;
  process.send({ requests: latencies.length, rps: latencies.length / seconds, failures, p50: at(50), p95: at(95), p99: at(99), max: latencies.at(-1) ?? NaN }, () => process.exit(0));
});
