-- Headless Neovim as a second, editor-neutral LSP client for `sunlight lsp --stdio`.
-- Uses only Neovim's built-in LSP client (no plugin), in the API of Neovim 0.7
-- (Debian 12's neovim; vim.lsp.start only exists from 0.8).
-- Reads a plan (JSON) written by driver.cjs, records what the server answered
-- into a result file (JSON), and quits. driver.cjs checks the answers.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.SUNLIGHT_NVIM_PLAN), '\n'))
local result = { events = {} }
local function note(msg) table.insert(result.events, string.format('%.0f ms %s', (vim.loop.hrtime() - plan_start) / 1e6, msg)) end
plan_start = vim.loop.hrtime()

local function finish(code)
  vim.fn.writefile({ vim.fn.json_encode(result) }, plan.out)
  vim.cmd((code == 0) and 'qa!' or 'cq!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'sunlight'

  local client_id = vim.lsp.start_client({
    name = 'sunlight',
    cmd = plan.cmd,
    root_dir = plan.root,
    init_options = plan.init_options,
    workspace_folders = { { uri = vim.uri_from_fname(plan.root), name = 'ws' } },
    on_exit = function(code) note('server exited ' .. tostring(code)) end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  vim.lsp.buf_attach_client(bufnr, client_id)
  note('client started')

  -- 1. diagnostics, published by the server on its own (textDocument/publishDiagnostics)
  local got = vim.wait(plan.timeout_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  note('diagnostics ' .. (got and 'received' or 'timed out'))
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, code = code, message = d.message, severity = d.severity, source = d.source })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, pos)
    local params = { textDocument = { uri = uri }, position = pos }
    local responses, e = vim.lsp.buf_request_sync(bufnr, method, params, plan.timeout_ms)
    if not responses then return { error = tostring(e) } end
    for _, r in pairs(responses) do
      if r.err then return { error = vim.inspect(r.err) } end
      return { result = r.result }
    end
    return { error = 'no response' }
  end

  -- 2. completion after `responsible `
  result.completion = request('textDocument/completion', plan.completion)
  note('completion answered')
  -- 3. go to definition: a post in the same file, a basis in another file
  result.definition_local = request('textDocument/definition', plan.definition_local)
  result.definition_other = request('textDocument/definition', plan.definition_other)
  note('definitions answered')
  -- 4. an edit (textDocument/didChange): put the grade back; the diagnostic must go
  vim.api.nvim_buf_set_lines(bufnr, plan.fix.line, plan.fix.line, false, { plan.fix.text })
  local cleared = vim.wait(plan.timeout_ms, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  note('after the edit, diagnostics ' .. (cleared and 'cleared' or 'still there'))
  result.diagnostics_after_fix = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics_after_fix, { lnum = d.lnum, message = d.message })
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then result.error = tostring(err) end
finish(ok and 0 or 1)
