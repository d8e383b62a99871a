-- wrk script: POSTs the TestQuery and checks every response body against the expected one, byte for byte (a
-- trailing newline allowed, as Apollo Server adds one). Files come from the environment, set by run.ts:
-- FED_BODY_FILE (the request body) and FED_EXPECTED_FILE (the expected response). done() prints one JSON line.
local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

local body = slurp(os.getenv("FED_BODY_FILE"))
local expected = slurp(os.getenv("FED_EXPECTED_FILE"))
local expected_nl = expected .. "\n"
local req = nil

-- Per thread (each wrk thread runs this script in its own Lua state); done() reads them with thread:get.
responses = 0
mismatches = 0
sample = ""

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function request()
  if req == nil then
    req = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
  end
  return req
end

function response(status, headers, got)
  responses = responses + 1
  if status ~= 200 or (got ~= expected and got ~= expected_nl) then
    mismatches = mismatches + 1
    if sample == "" then
      sample = status .. " " .. string.sub(got or "", 1, 300)
    end
  end
end

local function quote(s)
  return '"' .. string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
  local checked, bad, first = 0, 0, ""
  for _, thread in ipairs(threads) do
    checked = checked + thread:get("responses")
    bad = bad + thread:get("mismatches")
    if first == "" then first = thread:get("sample") end
  end
  local e = summary.errors
  io.write(string.format(
    'FEDRESULT {"requests":%d,"durationUs":%d,"checked":%d,"mismatches":%d,"p50Us":%d,"p99Us":%d,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"sample":%s}\n',
    summary.requests, summary.duration, checked, bad, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout, quote(first)))
end
