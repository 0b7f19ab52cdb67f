-- A payment's whole life per loop: create, pay (the control API's simulate), read it, refund all of it. Run with as
-- many wrk threads as connections: each thread has one connection and its own Lua state, so this state machine
-- knows which step each response answers. BENCH_PATH is the payments path, BENCH_CONTROL_PATH the control API's
-- payments path, BENCH_AUTH the key, BENCH_ADMIN the admin token, BENCH_BODY_FILE the create body,
-- BENCH_AMOUNT the amount to refund.
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local create_body = file:read("*a")
file:close()
local payments = os.getenv("BENCH_PATH")
local control = os.getenv("BENCH_CONTROL_PATH")
local key = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_AUTH"), ["Content-Type"] = "application/json" }
local admin = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_ADMIN"), ["Content-Type"] = "application/json" }
local pay_body = '{"paymentType": "card", "outcome": "approve"}'
local refund_body = '{"Data": {"amount": ' .. os.getenv("BENCH_AMOUNT") .. '}}'

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (each has its own globals): the step the next response answers, and the counters done() sums.
step = 0
operation = nil
flows = 0
creates = 0
broken = 0

function request()
  if step == 0 then
    return wrk.format("POST", payments, key, create_body)
  elseif step == 1 then
    return wrk.format("POST", control .. "/" .. operation .. "/simulate", admin, pay_body)
  elseif step == 2 then
    return wrk.format("GET", payments .. "/" .. operation, key)
  else
    return wrk.format("POST", payments .. "/" .. operation .. "/refund", key, refund_body)
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    -- Counted by wrk as a status error when above 399; broken catches the rest. Start a new flow either way.
    broken = broken + 1
    step = 0
    return
  end
  if step == 0 then
    creates = creates + 1
    operation = body:match('"operationId"%s*:%s*"([^"]+)"')
    if operation == nil then
      broken = broken + 1
      return
    end
    step = 1
  elseif step == 3 then
    flows = flows + 1
    step = 0
  else
    step = step + 1
  end
end

function done(summary, latency, requests)
  local totals = { flows = 0, creates = 0, broken = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  report.write(summary, latency, totals)
end
