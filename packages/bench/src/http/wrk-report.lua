-- wrk script for Tessera's HTTP benchmarks.
--
-- Without arguments it only reports: done() prints the run's figures as one
-- JSON line, so that the driver reads numbers, not wrk's human summary.
--
-- With `-- <tokens file> <threads>` it drives chained POST /auth/refresh: each
-- thread takes its share of the refresh tokens (one per connection), every
-- request spends one token and every response gives back its successor, so no
-- token is ever sent twice and nothing rides on the retry grace. A chain that
-- breaks (a non-200 answer) is not replaced: its later requests carry no
-- usable token, are answered 401 and show up in the status-error count.
--
-- The driver writes one token more per thread than the thread has
-- connections: wrk calls request() once on the first thread before any
-- connection opens (to count pipelined requests) and that request is never
-- sent, so its token is lost. The spare keeps every connection supplied; a
-- spare that is never needed is simply never spent.

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local chained = false
local tokens = {}

function init(args)
  if args[1] == nil then return end
  chained = true
  local threads = tonumber(args[2])
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" then
      if i % threads == id then table.insert(tokens, line) end
      i = i + 1
    end
  end
end

function request()
  if not chained then return wrk.request() end
  local token = table.remove(tokens) or "chain-broken"
  return wrk.format("POST", "/auth/refresh", { ["Content-Type"] = "application/json" }, '{"refresh_token":"' .. token .. '","mode":"json"}')
end

function response(status, headers, body)
  if not chained then return end
  local token = body:match('"refresh_token":"([^"]+)"')
  if token ~= nil then table.insert(tokens, token) end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '@@wrk {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
