-- The soak's mix for wrk: mostly public reads (hot answers and database queries), and a few writes as the
-- administrator (POST evaluations with a fresh Idempotency-Key). RATE (requests/s for the whole run, over
-- CONNECTIONS connections) paces the load; 0 means as fast as possible (to measure the peak).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local reads = {
  "/api/v1/plans/2019-2021/measures",
  "/api/v1/plans/2019-2021/measures/16",
  "/api/v1/plans/2019-2021/progress",
  "/api/v1/plans/2019-2021/axes",
  "/api/v1/plans/2095-2096/measures",
  "/api/v1/plans/2095-2096/progress",
  "/api/v1/plans/2019-2021/measures?q=victimes&status=PARTIALLY_IMPLEMENTED",
  "/api/v1/evaluators",
}

local key = os.getenv("ADMIN_KEY")
local run = os.getenv("RUN_ID") or tostring(os.time())
local write_every = tonumber(os.getenv("WRITE_EVERY") or "100")
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")
local pause = 0

function init(args)
  if rate > 0 then
    pause = math.floor(1000 * connections / rate)
  end
end

function delay()
  return pause
end

local function evaluation(n)
  local assessments = {}
  local statuses = {"IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"}
  for m = 1, 10 do
    assessments[m] = string.format('{"measure":%d,"status":"%s"}', m, statuses[(m + n) % 3 + 1])
  end
  return string.format('{"evaluator":"soak","title":"Soak %s %s %d","date":"2096-01-01",'
    .. '"source":{"title":"Soak","url":"https://example.org/soak"},"assessments":[%s]}', run, tid, n, table.concat(assessments, ","))
end

writes = 0
acknowledged = 0

-- Only writes are answered 201 Created.
function response(status, headers, body)
  if status == 201 then
    acknowledged = acknowledged + 1
  end
end

function request()
  counter = counter + 1
  if counter % write_every == 0 then
    local n = counter
    writes = writes + 1
    return wrk.format("POST", "/api/v1/plans/2095-2096/evaluations", {
      ["Authorization"] = "Bearer " .. key,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("soak-%s-%s-%d", run, tid, n),
    }, evaluation(n))
  end
  return wrk.format("GET", reads[counter % #reads + 1])
end

function done(summary, latency, requests)
  local sent, acked = 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("writes")
    acked = acked + thread:get("acknowledged")
  end
  io.write(string.format("writes sent: %d acknowledged: %d\n", sent, acked))
end
