-- Writes only, for bench/webhooks.sh: POST an evaluation of 10 assessments on PLAN, as the administrator, each one
-- moving every measure's status (so that each write has a status change per measure to announce).
local key = os.getenv("ADMIN_KEY")
local plan = os.getenv("PLAN")
local n = 0
local statuses = {"IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"}

function request()
  n = n + 1
  local assessments = {}
  for m = 1, 10 do
    assessments[m] = string.format('{"measure":%d,"status":"%s"}', m, statuses[(m + n) % 3 + 1])
  end
  local body = string.format('{"evaluator":"bench","title":"Bench %d","date":"2096-01-01",'
    .. '"source":{"title":"Bench","url":"https://example.org/bench"},"assessments":[%s]}', n, table.concat(assessments, ","))
  return wrk.format("POST", "/api/v1/plans/" .. plan .. "/evaluations",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end
