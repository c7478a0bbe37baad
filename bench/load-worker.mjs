// Runs autocannon in a child process, so the load generator has a CPU-time share and event
// loop of its own and does not queue behind the server it measures. Plain JavaScript so it
// starts without tsx. (In a worker thread autocannon returns raw histograms instead.)
import autocannon from "autocannon";

process.once("message", async ({ url, cookie, paths, connections, duration }) => {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { cookie },
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
  process.send(
    {
      requests: result.requests.total,
      rps: result.requests.average,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    },
    () => process.exit(0),
  );
});
