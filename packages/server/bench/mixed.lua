-- wrk script of bench/mixed.mjs: per request, 50% GET /r/:code (a different visitor address
-- each time), 20% feed pages, 15% leaderboards (every period and scope), 15% POST /shares (a
-- unique Idempotency-Key), each API request with the bearer token of a random employee. The data
-- file (first argument after `--`) holds lines `token <jwt>`, `code <tracking code>` and
-- `post <id> <network>`. done() prints one JSON line: requests, duration, latency percentiles and
-- how many answers came back with each status, so errors cannot pass for throughput.

local tokens, codes, posts = {}, {}, {}
-- Cumulative percentages of redirects, feed pages and leaderboards; the rest are shares. The
-- optional second argument after `--` ("50,20,15,15") changes the mix, e.g. one kind alone.
local cut = { 50, 70, 85 }
statuses = {} -- global: done() reads it from each thread
local seq = 0
local id = 0
local threads = {}

local HUMAN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
local PERIODS = { "week", "month", "quarter", "all" }
local SCOPES = { "company", "team" }

function setup(thread)
  id = id + 1
  thread:set("id", id)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local kind, a, b = line:match("^(%a+) (%S+) ?(%S*)$")
    if kind == "token" then
      tokens[#tokens + 1] = a
    elseif kind == "code" then
      codes[#codes + 1] = a
    elseif kind == "post" then
      posts[#posts + 1] = { a, b }
    end
  end
  file:close()
  if args[2] ~= nil then
    local shares, total = {}, 0
    for n in args[2]:gmatch("%d+") do
      total = total + tonumber(n)
      shares[#shares + 1] = total
    end
    assert(#shares == 4 and total == 100, "the mix is four percentages adding up to 100")
    cut = { shares[1], shares[2], shares[3] }
  end
  math.randomseed(os.time() * 1000 + (id or 0))
end

local function api(method, path, token, body, key)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if body ~= nil then
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = key
  end
  return wrk.format(method, path, headers, body)
end

function request()
  seq = seq + 1
  local r = math.random(100)
  if r <= cut[1] then
    local v = seq % 16777216
    local address = string.format("10.%d.%d.%d", math.floor(v / 65536) % 256, math.floor(v / 256) % 256, v % 256)
    return wrk.format("GET", "/r/" .. codes[math.random(#codes)], { ["User-Agent"] = HUMAN, ["X-Forwarded-For"] = address })
  end
  local token = tokens[math.random(#tokens)]
  if r <= cut[2] then
    return api("GET", "/api/v1/feed?limit=20", token)
  elseif r <= cut[3] then
    local path = string.format("/api/v1/leaderboard?period=%s&scope=%s", PERIODS[math.random(#PERIODS)], SCOPES[math.random(#SCOPES)])
    return api("GET", path, token)
  end
  local post = posts[math.random(#posts)]
  local body = string.format('{"postId":"%s","network":"%s","commentary":"Worth a read"}', post[1], post[2])
  return api("POST", "/api/v1/shares", token, body, string.format("mixed-%d-%d-%d", id, seq, math.random(1000000000)))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counted = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counted[status] = (counted[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counted) do
    parts[#parts + 1] = string.format('"%d":%d', status, n)
  end
  io.write(string.format(
    'MIXED {"requests":%d,"durationUs":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"socketErrors":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ",")))
end
