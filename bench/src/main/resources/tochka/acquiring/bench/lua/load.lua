-- One request, over and over: BENCH_METHOD BENCH_PATH with BENCH_BODY_FILE's bytes and BENCH_AUTH as the bearer.
-- When BENCH_IDS_FILE is set, every request's path has "{id}" replaced by a random line of that file (info reads a
-- random one of the payments the bench created). wrk counts a status above 399 as an error; the bench fails on any.
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.path = os.getenv("BENCH_PATH")
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = "Bearer " .. auth end
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  wrk.body = read(body_file)
  wrk.headers["Content-Type"] = "application/json"
end

local ids_file = os.getenv("BENCH_IDS_FILE")
if ids_file and ids_file ~= "" then
  local ids = {}
  for line in io.lines(ids_file) do
    if line ~= "" then table.insert(ids, line) end
  end
  local template = wrk.path
  -- Defined only here: a script without request() lets wrk send its one prepared request, the cheapest way.
  function init(args)
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  end
  function request()
    local path = template:gsub("{id}", ids[math.random(#ids)])
    return wrk.format(nil, path)
  end
end

function done(summary, latency, requests)
  report.write(summary, latency)
end
