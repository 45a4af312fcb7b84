# shellcheck shell=bash
# The contract tools from the npm registry, shared by deploy/check-contracts and deploy/contracts/build-clients.
# Source after common.sh, don't execute.
#
# The tools, at the exact versions of deploy/contracts/package.json, are installed once into
# .local/tools/contracts (reinstalled only when package.json changes). Needs Node 20.19+ and npm.

CONTRACTS="$WINBACK_ROOT/deploy/contracts"
TOOLS="$WINBACK_ROOT/.local/tools/contracts"
SERVICES=(review-service ticket-service compensation-service logistics-service)

# nothing the tools run may reach the internet: Redocly's usage telemetry and update check are off
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

contract_tools_install() {
  command -v node >/dev/null || die "node is not installed (Node 20.19+ is needed for the contract tools)"
  command -v npm >/dev/null || die "npm is not installed"
  if [[ -f $TOOLS/node_modules/.installed-package.json ]] \
    && cmp -s "$CONTRACTS/package.json" "$TOOLS/node_modules/.installed-package.json"; then
    return 0
  fi
  log "installing the contract tools into $TOOLS (once)…"
  mkdir -p "$TOOLS"
  cp "$CONTRACTS/package.json" "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error >&2) \
    || die "npm install of the contract tools failed"
  cp "$CONTRACTS/package.json" "$TOOLS/node_modules/.installed-package.json"
}
