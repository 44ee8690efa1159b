#!/usr/bin/env bash
# Install what evdigest needs on a Debian machine: system packages, a virtualenv, the package.
#   scripts/setup.sh          runtime (fonts, Pango for WeasyPrint, poppler) + .venv with evdigest
#   scripts/setup.sh --test   also the test tools: Chromium, Java (Nu Html Checker), npm checkers
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

PYTHON="${PYTHON:-python3}"
runtime_pkgs=(fonts-noto-cjk fontconfig poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
test_pkgs=(chromium default-jre-headless nodejs npm)

missing=()
check() { for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done; }
check "${runtime_pkgs[@]}"
if ((want_test)); then
  check chromium
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
"$PYTHON" -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)

if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if ((want_test)); then
  .venv/bin/python -m pip install -q -e '.[test]'
  if [[ -f package.json ]]; then
    if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi
  fi
else
  .venv/bin/python -m pip install -q -e .
fi
echo "Set-up done: .venv is ready (activate with 'source .venv/bin/activate')."
