-- nvim-diagnostics.lua -- drive Neovim's built-in LSP client headless (from the workplace's
-- shared/lsp driver, adapted): used by tests/lsp/test_nvim.sh against `racelint lsp`.
-- (verified on Neovim 0.7.2 as shipped by Debian bookworm; written to also run on newer
-- releases -- pull diagnostics and vim.lsp.start -- but only 0.7.2 was exercised here).
--
-- Usage:
--   LSP_CMD='node tiny-diag-server.js --stdio' TARGET=sample.c \
--     nvim --headless --clean -u nvim-headless-diagnostics.lua
--
-- Env:
--   LSP_CMD     server command line (split on spaces)          [required]
--   TARGET      file to open                                   [required]
--   EXPECT      expected diagnostic count (exit 1 on mismatch)  [optional]
--   TIMEOUT_MS  how long to wait for each event; 0 waits until it comes or the
--               server fails (the test harness guards against a hang)  [default 0]
--   EDIT        if set, after the first diagnostics, replace line 1 with this text
--               (exercises textDocument/didChange) and wait for a second publish
--
-- Output on stdout: one line per diagnostic, "file:line:col: severity: [code] message (source)"
-- (1-based line/col as Neovim shows them), then "codeActions: N" for the first diagnostic.
-- Exit status: 0 ok, 1 wrong count / timeout / server error.

local function out(s) io.stdout:write(s .. "\n") end
local function err(s) io.stderr:write(s .. "\n") end

local cmd = {}
for w in (os.getenv("LSP_CMD") or ""):gmatch("%S+") do table.insert(cmd, w) end
local target = os.getenv("TARGET")
local timeout = tonumber(os.getenv("TIMEOUT_MS") or "0")
local expect = tonumber(os.getenv("EXPECT") or "")
if #cmd == 0 or not target then
  err("need LSP_CMD and TARGET"); vim.cmd("cquit 2")
end

local published = 0
local server_error = nil

-- Count publishDiagnostics arrivals, then hand them to the default handler so
-- vim.diagnostic gets populated. (0.7: handler signature (err, result, ctx, config))
-- Neovim >= 0.10 also pulls (textDocument/diagnostic) when the server advertises
-- diagnosticProvider; count those responses too so the script works either way.
local function counting(method)
  local default = vim.lsp.handlers[method]
  if not default then return nil end
  return function(e, result, ctx, config)
    published = published + 1
    return default(e, result, ctx, config)
  end
end
local handlers = {
  ["textDocument/publishDiagnostics"] = counting("textDocument/publishDiagnostics"),
  ["textDocument/diagnostic"] = counting("textDocument/diagnostic"),
}

local config = {
  name = "under-test",
  cmd = cmd,
  root_dir = vim.fn.getcwd(),
  handlers = handlers,
  on_exit = function(code, signal)
    if code ~= 0 then server_error = ("server exited code=%s signal=%s"):format(code, signal) end
  end,
}

vim.cmd("edit " .. vim.fn.fnameescape(target))
local bufnr = vim.api.nvim_get_current_buf()
local client_id
if vim.lsp.start_client then
  -- 0.7 .. 0.11: explicit start + attach (sends initialize/initialized, then didOpen)
  client_id = vim.lsp.start_client(config)
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
else
  -- newer releases where start_client is gone: vim.lsp.start attaches the current buffer
  client_id = vim.lsp.start(config)
end
if not client_id then err("could not start the language server"); vim.cmd("cquit 1") end

-- Waits for cond(); with TIMEOUT_MS=0 for as long as it takes (a loaded machine
-- is only slower), else at most TIMEOUT_MS. True when cond() holds.
local function wait_for(cond)
  if timeout > 0 then return vim.wait(timeout, cond, 20) end
  while not cond() do vim.wait(1000, cond, 20) end
  return true
end

local function wait_publish(n)
  return wait_for(function() return published >= n or server_error ~= nil end)
end

if not wait_publish(1) then err("timeout: no publishDiagnostics after " .. timeout .. " ms"); vim.cmd("cquit 1") end

local edit = os.getenv("EDIT")
if edit then
  local before = published
  vim.api.nvim_buf_set_lines(bufnr, 0, 1, false, { edit })  -- triggers didChange (debounced)
  if not wait_publish(before + 1) then err("timeout: no publish after didChange"); vim.cmd("cquit 1") end
end

local sev = { "error", "warning", "info", "hint" }
local diags = vim.diagnostic.get(bufnr)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diags) do
  local code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code or ""
  out(("%s:%d:%d: %s: [%s] %s (%s)"):format(target, d.lnum + 1, d.col + 1,
    sev[d.severity] or tostring(d.severity), tostring(code), d.message, d.source or ""))
end

-- Ask for code actions on the first diagnostic (quick-fix round trip).
if #diags > 0 then
  local d = diags[1]
  -- Rebuild the LSP Diagnostic from vim.diagnostic's form. In 0.7 user_data.lsp only
  -- keeps code/codeDescription/tags/relatedInformation/data, not range/message.
  -- (d.col/d.end_col are already converted back to the server's encoding units
  -- only in newer versions; for ASCII text they coincide.)
  local extra = (d.user_data and d.user_data.lsp) or {}
  local lsp_diag = {
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    message = d.message, severity = d.severity, source = d.source,
    code = d.code or extra.code, codeDescription = extra.codeDescription, data = extra.data,
  }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, only = { "quickfix" } },
  }
  local responses, answered = nil, false
  vim.lsp.buf_request_all(bufnr, "textDocument/codeAction", params, function(r)
    responses, answered = r, true
  end)
  if not wait_for(function() return answered or server_error ~= nil end) then
    err("timeout: no codeAction response"); vim.cmd("cquit 1")
  end
  local n = 0
  for _, r in pairs(responses or {}) do
    if r.error then err("codeAction error: " .. vim.inspect(r.error)) end
    for _, a in ipairs(r.result or {}) do n = n + 1; out("codeAction: " .. a.title .. " [" .. (a.kind or "") .. "]") end
  end
  out("codeActions: " .. n)
end

-- Orderly shutdown: didClose, shutdown request, exit notification.
vim.cmd("bwipeout!")
vim.lsp.stop_client(client_id)
wait_for(function() return vim.lsp.get_client_by_id(client_id) == nil end)

if server_error then err(server_error); vim.cmd("cquit 1") end
if expect and #diags ~= expect then
  err(("expected %d diagnostics, got %d"):format(expect, #diags)); vim.cmd("cquit 1")
end
vim.cmd("qall!")
