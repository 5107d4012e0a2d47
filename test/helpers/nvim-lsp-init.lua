-- Neovim 0.7 as nl-lint's language client, for test/lsp-neovim.test.ts: the file named on the
-- command line is opened as Markdown, the server is started with vim.lsp.start_client (0.7 has
-- no vim.lsp.start), and the first diagnostics it publishes are written as JSON to NL_LINT_OUT.
local out = os.getenv("NL_LINT_OUT")

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
      handlers = {
        ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
          vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
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
