-- wrk script for scripts/bench-server.sh: PUT /v1/contacts with generated payloads, one line
-- of the NDJSON file per request, each wrk thread starting at its own place in the file; counts
-- the answers by status and prints one RESULT line for the shell script to read.
local bodies = {}
local next_body = 1
-- Global (not local): done() reads it from each thread with thread:get.
counts = { created = 0, updated = 0, other = 0 }
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then bodies[#bodies + 1] = line end
  end
  next_body = (thread_no * 9973) % #bodies + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("PUT", "/v1/contacts", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    counts.created = counts.created + 1
  elseif status == 200 then
    counts.updated = counts.updated + 1
  else
    counts.other = counts.other + 1
  end
end

function done(summary, latency, requests)
  local created, updated, other = 0, 0, 0
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    created = created + c.created
    updated = updated + c.updated
    other = other + c.other
  end
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %d %d %d %d %d %d %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    created, updated, other, e.connect + e.read + e.write + e.timeout, e.status))
end
