// Preloaded (`node -r ./bench/report-rss.js ...`) into a benchmark child: prints its peak resident set
// size on stderr as it exits, as `bench_max_rss_kb=<kB>`, for bench/run.ts to read.
process.on('exit', () => {
  process.stderr.write(`\nbench_max_rss_kb=${process.resourceUsage().maxRSS}\n`);
});
