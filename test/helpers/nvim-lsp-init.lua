-- Neovim 0.7 as nl-lint's language client, for test/lsp-neovim.test.ts: the file named on the
-- command line is opened as Markdown, the server is started with vim.lsp.start_client (0.7 has
-- no vim.lsp.start), and the first diagnostics it publishes are written as JSON to NL_LINT_OUT.
-- NL_LINT_SETTINGS, when set, is the client's settings as JSON (`{"nl-lint": {"sourceRoot": ...}}`).
local out = os.getenv("NL_LINT_OUT")
local settings = os.getenv("NL_LINT_SETTINGS")
-- With NL_LINT_WAIT_FOR_FINDINGS set, a publication without diagnostics is not the one written
-- (the server may lint once before the client's settings reach it).
local wait_for_findings = os.getenv("NL_LINT_WAIT_FOR_FINDINGS") ~= nil

local function finish(payload)
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode(payload))
  file:close()
  vim.cmd("qa!")
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.bo.filetype = "markdown"
    local client = vim.lsp.start_client({
      name = "nl-lint",
      cmd = { os.getenv("NL_LINT_NODE"), os.getenv("NL_LINT_BIN"), "lsp", "--stdio" },
      root_dir = os.getenv("NL_LINT_ROOT"),
      settings = settings and vim.fn.json_decode(settings) or nil,
      handlers = {
        ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
          vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
          if wait_for_findings and #result.diagnostics == 0 then
            return
          end
          vim.schedule(function()
            -- What the editor itself now shows for the buffer, as vim.diagnostic holds it.
            local shown = {}
            for _, d in ipairs(vim.diagnostic.get(0)) do
              table.insert(shown, { code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message })
            end
            finish({ diagnostics = shown })
          end)
        end,
      },
    })
    if client == nil then
      finish({ error = "vim.lsp.start_client failed" })
      return
    end
    vim.lsp.buf_attach_client(0, client)
    vim.defer_fn(function() finish({ error = "no diagnostics within 90 seconds" }) end, 90000)
  end,
})
