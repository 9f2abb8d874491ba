-- wrk script for the redirect benchmark: every request comes from a new visitor (its own
-- X-Forwarded-For address) with a human user agent, and goes to one of the codes listed one per
-- line in the file named by BENCH_CODES_FILE (in turn), so every request is a unique human click.
-- When wrk is done, one JSON line (prefixed `wrk-result `) gives requests, errors and latency.
local codes = {}
for line in io.lines(os.getenv("BENCH_CODES_FILE")) do
  if line ~= "" then codes[#codes + 1] = line end
end
local visitor = 0
local threads = 0

function setup(thread)
  -- Threads (wrk -t) start at different visitors so no two send the same one.
  thread:set("first_visitor", threads * 4194304)
  threads = threads + 1
end

function init(args)
  -- BENCH_FIRST_VISITOR lets a second run on the same server (after a warm-up) use new visitors.
  visitor = (tonumber(os.getenv("BENCH_FIRST_VISITOR")) or 0) + (first_visitor or 0)
  wrk.headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
end

function request()
  visitor = visitor + 1
  local v = visitor % 16777216
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(v / 65536), math.floor(v / 256) % 256, v % 256)
  return wrk.format("GET", "/r/" .. codes[(visitor % #codes) + 1])
end

function done(summary, latency, requests)
  io.write(string.format(
    'wrk-result {"requests":%d,"seconds":%f,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"p50":%f,"p99":%f,"max":%f}\n',
    summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
